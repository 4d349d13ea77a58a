namespace Tracker.Web.Endpoints.Api.Dtos;

/// <summary>
/// A field the tracker fills in responses and ignores in requests; marked <c>readOnly</c> in the
/// OpenAPI document so generated clients do not offer it for writing.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReadOnlyFieldAttribute : Attribute;
