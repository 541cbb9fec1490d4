#!/usr/bin/python3
"""End-to-end check of the gradnote kernel with Jupyter's own client libraries (jupyter_client, nbclient).

Run with the kernel spec reachable through JUPYTER_PATH. Prints one line per check and the start-up timings;
exits non-zero on the first failure. Usage: kernel_e2e.py KERNEL_NAME EXECUTED_NOTEBOOK_PATH [NOTEBOOK...]
(the extra notebooks, e.g. the shipped ones, must run without an error output and show at least one chart).
"""
import signal
import sys
import time

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

KERNEL, EXECUTED, SHIPPED = sys.argv[1], sys.argv[2], sys.argv[3:]
TIMEOUT = 120


def check(condition, what):
    if not condition:
        print("FAIL: " + what, flush=True)
        sys.exit(1)
    print("ok: " + what, flush=True)


def run(kc, code, timeout=TIMEOUT):
    """Executes code; returns (reply content, iopub messages of this request)."""
    msg_id = kc.execute(code)
    messages = []
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(m)
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"], messages


def result(messages):
    for m in messages:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"]
    return None


def protocol_checks():
    km = KernelManager(kernel_name=KERNEL)
    start = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)  # sends kernel_info_request, returns on its reply
        ready = time.monotonic() - start
        reply, messages = run(kc, "int x = 40 + 2; x")
        first = time.monotonic() - start
        print("TIMING launch->kernel_info_reply %.2f s" % ready, flush=True)
        print("TIMING launch->first cell result %.2f s" % first, flush=True)
        check(result(messages)["text/plain"] == "42", "first cell result 42")

        kc.kernel_info()
        info = kc.get_shell_msg(timeout=TIMEOUT)["content"]
        check(info.get("status") == "ok", "kernel_info_reply has status ok")
        check(info["language_info"]["name"] == "java", "language_info.name is java")

        kc.history(hist_access_type="tail", n=5, output=False, raw=True)
        hist = kc.get_shell_msg(timeout=TIMEOUT)["content"]
        check(hist.get("status") == "ok" and any("40 + 2" in h[2] for h in hist["history"]), "history tail replies")
        kc.history(hist_access_type="search", pattern="*40 + 2*", output=False, raw=True)
        hist = kc.get_shell_msg(timeout=TIMEOUT)["content"]
        check(hist.get("status") == "ok" and len(hist["history"]) == 1, "history search replies")

        kc.is_complete("int 3x = ;")
        check(kc.get_shell_msg(timeout=TIMEOUT)["content"]["status"] == "invalid", "is_complete says invalid")
        kc.is_complete("for (int i = 0; i < 3; i++) {")
        check(kc.get_shell_msg(timeout=TIMEOUT)["content"]["status"] == "incomplete", "is_complete says incomplete")
        kc.inspect("String.valueOf", 14)
        check(kc.get_shell_msg(timeout=TIMEOUT)["content"]["found"], "inspect String.valueOf found")

        # Interrupt (interrupt_mode message: jupyter_client sends interrupt_request on the control channel).
        interrupt_loop(km, kc, "message")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def signal_checks():
    """interrupt_mode signal: jupyter_client sends SIGINT to the kernel's process group (evaluator JVM included)."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        # Started from a non-interactive shell's background job: SIGINT is ignored from birth here and in every kernel
        # this process starts, which no JVM can undo (the kernel logs the same). The message-mode interrupt, the one
        # the kernelspec declares, was checked above; signal mode is reported, not failed.
        print("UNAVAILABLE: signal-mode interrupt (this process was started with SIGINT ignored, e.g. as a background"
              " job); message-mode interrupt checked", flush=True)
        return
    km = KernelManager(kernel_name=KERNEL)
    km.kernel_spec.interrupt_mode = "signal"
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        run(kc, "int x = 42;")
        interrupt_loop(km, kc, "signal")
        check(km.is_alive(), "signal: the kernel process survives SIGINT")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def interrupt_loop(km, kc, mode):
    """Runs a tight loop, interrupts it, and checks the session survived."""
    msg_id = kc.execute("long spins = 0;\nwhile (true) { spins++; }")
    while True:  # wait until the kernel is running the loop
        m = kc.get_iopub_msg(timeout=TIMEOUT)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "execute_input":
            break
    time.sleep(1.0)  # the loop must really be spinning; interrupting earlier would prove less
    t0 = time.monotonic()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
    print("TIMING interrupt (%s)->reply %.2f s" % (mode, time.monotonic() - t0), flush=True)
    check(reply["content"]["status"] == "error" and reply["content"]["ename"] == "Interrupted",
          mode + ": interrupt stops a tight loop")
    _, messages = run(kc, "x")
    check(result(messages)["text/plain"] == "42", mode + ": variables survive the interrupt")


def notebook_checks():
    cell = nbformat.v4.new_code_cell
    nb = nbformat.v4.new_notebook(cells=[
        cell('System.out.println("hello from gradnote");\nint n = 6 * 7;'),
        cell("Tensor.ones(2, 2)"),
        cell("var chart = Plots.line().title(\"squares\").x(new double[]{1, 2, 3})"
             ".series(\"y\", new double[]{1, 4, 9}).build();\nchart.show();"),
        cell("int boom = 1 / 0;"),
        cell("long spins = 0;\nwhile (true) { spins++; }", metadata={"gradnote_timeout": 5}),
        cell("spins > 0 && n == 42"),
    ])
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Java (gradnote)", "language": "java"}

    def timeout_of(cell):
        return cell.metadata.get("gradnote_timeout", TIMEOUT)

    client = NotebookClient(nb, kernel_name=KERNEL, timeout=TIMEOUT, timeout_func=timeout_of,
                            interrupt_on_timeout=True, allow_errors=True)
    client.execute()
    nbformat.write(nb, EXECUTED)
    out = [c.outputs for c in nb.cells]
    check(out[0][0]["name"] == "stdout" and out[0][0]["text"] == "hello from gradnote\n", "notebook: stdout stream")
    data = out[1][0]["data"]
    check(out[1][0]["output_type"] == "execute_result" and "text/html" in data
          and data["text/plain"].startswith("tensor("), "notebook: tensor result with HTML")
    pngs = [o for o in out[2] if o["output_type"] == "display_data" and "image/png" in o["data"]]
    check(len(pngs) == 1, "notebook: inline PNG chart from chart.show()")
    check(out[3][0]["output_type"] == "error" and out[3][0]["ename"] == "java.lang.ArithmeticException",
          "notebook: error cell")
    check(any(o["output_type"] == "error" and o["ename"] == "Interrupted" for o in out[4]),
          "notebook: cell interrupted on timeout")
    check(out[5] and out[5][0].get("data", {}).get("text/plain") == "true",
          "notebook: the kernel goes on after the interrupt, variables kept %s" % out[5])


def shipped_checks(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, kernel_name=KERNEL, timeout=600, allow_errors=True).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    errors = [o["ename"] + ": " + o["evalue"] for o in outputs if o["output_type"] == "error"]
    check(not errors, "%s runs without errors %s" % (path, errors))
    check(any("image/png" in o.get("data", {}) for o in outputs), "%s shows charts inline" % path)
    # nbconvert's HTML export (Debian's 6.5 prefers SVG and strips it to text): the charts must be <img> PNGs.
    from nbconvert import HTMLExporter
    html, _ = HTMLExporter().from_notebook_node(nb)
    charts = sum(1 for o in outputs if "image/png" in o.get("data", {}))
    check(html.count("<img src=\"data:image/png;base64,") >= charts,
          "%s exports to HTML with its %d charts as PNG images" % (path, charts))


protocol_checks()
signal_checks()
notebook_checks()
for shipped in SHIPPED:
    shipped_checks(shipped)
print("ALL OK", flush=True)
