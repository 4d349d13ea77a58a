// Small helpers called from components through JS interop.
window.tracker = {
    copy: async function (text) {
        try { await navigator.clipboard.writeText(text); return true; }
        catch { return false; }
    }
};
// Set once the interactive circuit has rendered the layout; browser tests wait for it before clicking.
window.tracker.markInteractive = function () { window.__trackerCircuitUp = true; };
