namespace Tracker.Web.Security;

public static class AdminAccessRegistration
{
    public static IServiceCollection AddAdminAccess(this IServiceCollection services)
    {
        services.AddSingleton<AdminAccessStore>();
        return services;
    }
}
