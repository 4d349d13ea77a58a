// Small helpers called from components through JS interop.
window.tracker = {
    copy: async function (text) {
        try { await navigator.clipboard.writeText(text); return true; }
        catch { return false; }
    }
};
