// The address this browser reaches the admin from, as the server sees it (after trusted proxies).
// A Blazor circuit has no request of its own to read it from, so the Settings page asks over plain HTTP.
export async function myAddress() {
    const response = await fetch("/admin/access/address", { credentials: "same-origin", cache: "no-store" });
    return response.ok ? (await response.text()) : "";
}
