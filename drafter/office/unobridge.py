"""A warm LibreOffice driven over UNO: DOCX → PDF of some pages, one request a line.

This file runs as a script under the Python that has LibreOffice's ``uno`` module (Debian's
``python3-uno`` is built for ``/usr/bin/python3`` only), so it imports nothing but the standard
library and ``uno``; :mod:`drafter.office.warm` starts it and talks to it over its stdin/stdout.

It starts ``soffice`` with the private profile it is given, listening on a named pipe, connects,
and then answers JSON requests, one a line::

    {"docx": "/tmp/in.docx", "pdf": "/tmp/out.pdf", "pages": "1-2"}
    → {"ok": true, "page_count": 4}
    → {"ok": false, "error": "…"}

Requests are answered one after the other: one soffice lays out one document at a time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    soffice, profile_url, pipe_name = argv[1], argv[2], argv[3]
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        item = PropertyValue()
        item.Name, item.Value = name, value
        return item

    process = subprocess.Popen(
        [soffice, f"-env:UserInstallation={profile_url}", "--headless", "--invisible", "--nologo",
         "--norestore", "--nolockcheck", "--nodefault", f"--accept=pipe,name={pipe_name};urp;"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    context = None
    deadline = time.monotonic() + float(os.environ.get("DRAFTER_SOFFICE_TIMEOUT") or 60)
    while context is None:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe_name};urp;StarOffice.ComponentContext")
        except Exception:  # NoConnectException until soffice listens
            if process.poll() is not None or time.monotonic() > deadline:
                _answer({"ok": False, "error": f"soffice did not start (exit code {process.poll()})"})
                return 1
            time.sleep(0.1)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    _answer({"ok": True, "ready": True, "pid": process.pid})

    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            document = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(request["docx"]), "_blank", 0,
                (prop("Hidden", True), prop("ReadOnly", True)))
            try:
                page_count = document.getCurrentController().getPropertyValue("PageCount")
                filters = [prop("PageRange", request["pages"])] if request.get("pages") else []
                document.storeToURL(uno.systemPathToFileUrl(request["pdf"]), (
                    prop("FilterName", "writer_pdf_Export"),
                    prop("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue", tuple(filters)))))
            finally:
                document.close(True)
            _answer({"ok": True, "page_count": page_count})
        except Exception as exc:  # a UNO error: say what, keep serving
            _answer({"ok": False, "error": f"{type(exc).__name__}: {exc}"})
    try:
        desktop.terminate()
    except Exception:
        pass
    process.wait(timeout=30)
    return 0


def _answer(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
