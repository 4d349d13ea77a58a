// Uploads a local offer archive over plain HTTP (not the Blazor circuit) so large files stream to the
// server and the browser can report progress. The file is the one MudFileUpload's <input type=file>
// holds; the component passes its name and size to find it among the inputs in its container.

const progressInterval = 100; // ms between progress reports to .NET, so a fast upload does not flood the circuit

export function upload(container, url, tokenHeader, token, fileName, fileSize, version, dotnet) {
    const file = findFile(container, fileName, fileSize);
    if (!file) {
        return Promise.resolve({ status: 0, body: "The chosen file is no longer available. Choose it again." });
    }
    return new Promise(resolve => {
        const xhr = new XMLHttpRequest();
        let lastReport = 0;
        xhr.open("POST", url);
        xhr.setRequestHeader(tokenHeader, token);
        xhr.upload.onprogress = e => {
            const now = Date.now();
            if (!e.lengthComputable || (now - lastReport < progressInterval && e.loaded < e.total)) return;
            lastReport = now;
            dotnet.invokeMethodAsync("ReportProgress", e.loaded, e.total).catch(err => console.warn("local offer upload: progress not delivered", err));
        };
        xhr.onload = () => {
            // A redirect (to the login page) means the session ended; it must not read as success.
            const redirected = xhr.responseURL && new URL(xhr.responseURL).pathname !== new URL(url, location.href).pathname;
            resolve(redirected ? { status: 401, body: "" } : { status: xhr.status, body: xhr.responseText });
        };
        xhr.onerror = () => resolve({ status: 0, body: "The upload was interrupted. Check the connection and try again." });
        xhr.onabort = () => resolve({ status: 0, body: "The upload was cancelled." });
        const form = new FormData();
        if (version !== null && version !== undefined) form.append("version", String(version));
        form.append("file", file, file.name);
        xhr.send(form);
    });
}

function findFile(container, name, size) {
    for (const input of container.querySelectorAll("input[type=file]")) {
        for (const file of input.files ?? []) {
            if (file.name === name && file.size === size) return file;
        }
    }
    return null;
}
