// Small helpers called from components through JS interop.
window.tracker = {
    copy: async function (text) {
        // The async clipboard API exists only in secure contexts (https or localhost); a tracker reached
        // over plain http on a server's IP still needs copy to work, so fall back to a selected textarea.
        if (navigator.clipboard && window.isSecureContext) {
            try { await navigator.clipboard.writeText(text); return true; }
            catch (e) { console.warn("tracker.copy: clipboard API refused, trying the fallback", e); }
        }
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        try { return document.execCommand("copy"); }
        finally { document.body.removeChild(area); }
    }
};
// Set once the interactive circuit has rendered the layout; browser tests wait for it before clicking.
window.tracker.markInteractive = function () { window.__trackerCircuitUp = true; };
// Saves text as a file the browser downloads (the Reports page's CSV export).
window.tracker.download = function (fileName, contentType, text) {
    const blob = new Blob([text], { type: contentType });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(() => URL.revokeObjectURL(url), 10000);
};
// Small per-browser preferences (e.g. the report columns a user chose); null when storage is unavailable.
window.tracker.preference = {
    get: function (key) { try { return window.localStorage.getItem(key); } catch { return null; } },
    set: function (key, value) { try { window.localStorage.setItem(key, value); } catch { /* private mode: not remembered */ } }
};
