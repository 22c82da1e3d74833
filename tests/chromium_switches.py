"""The switches every Chromium here starts with: the tests' (tests/helpers.py) and the benchmarks'
that drive a browser (benchmarks/page_weight.py), so that both measure the same browser."""

from __future__ import annotations

# Chromium 156 gives every new window, that is every browser context here, two WebUI omnibox popups
# (chrome://omnibox-popup.top-chrome/): a renderer that spends about 0.8 s of CPU starting them,
# more than loading most pages. Nothing here types into an address bar.
NO_OMNIBOX_POPUPS = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")
# Chromium reads only the last --disable-features switch, and Playwright passes its own first, so
# ours repeats Playwright 1.65's list (chromiumSwitches.ts). test_browser.py checks that the browser
# runs with every feature both name switched off.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades", "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
    "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
)
NO_PROXY_PORT = 9  # discard: nothing listens on it here
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + NO_OMNIBOX_POPUPS),
    # Every request to another host goes to a proxy that is not there and fails; Chromium never
    # sends loopback addresses to a proxy. (Playwright's routing would do the same per context, but
    # sends every request through the test process and turns the HTTP cache off: a third more CPU
    # per page load.) offline_context records what was tried.
    f"--proxy-server=http://127.0.0.1:{NO_PROXY_PORT}",
]
