// rtc4j-testkit: preferences for a headless Firefox ESR that runs WebRTC interop pages inside a
// network namespace with only loopback. Browser.launch copies this file into a fresh profile as
// user.js. DTLS keeps Firefox's defaults (1.3 and 1.2 offered): real users run them.

// ICE: gather host candidates on loopback, as raw addresses (no mDNS .local names).
user_pref("media.peerconnection.ice.loopback", true);
user_pref("media.peerconnection.ice.obfuscate_host_addresses", false);
user_pref("media.peerconnection.ice.default_address_only", false);
user_pref("media.peerconnection.ice.no_host", false);
// Firefox lists every interface only for a page with camera or microphone permission (fake
// getUserMedia streams do not count): grant both to every page.
user_pref("permissions.default.camera", 1);
user_pref("permissions.default.microphone", 1);
// Fake audio and video devices, no prompt, media may play without a gesture.
user_pref("media.navigator.streams.fake", true);
user_pref("media.navigator.permission.disabled", true);
user_pref("media.autoplay.default", 0);
// Without a default route Firefox thinks it is offline and tears ICE down; it must not.
user_pref("network.manage-offline-status", false);
// The page's console goes to stdout, so the test's log shows it.
user_pref("devtools.console.stdout.content", true);

// Quiet on the network: no updates, telemetry, safe browsing, push, DNS over HTTPS, prefetch,
// captive portal or connectivity checks; the remote settings and plugin servers point nowhere.
user_pref("app.update.enabled", false);
user_pref("app.update.auto", false);
user_pref("app.normandy.enabled", false);
user_pref("browser.safebrowsing.malware.enabled", false);
user_pref("browser.safebrowsing.phishing.enabled", false);
user_pref("browser.safebrowsing.downloads.enabled", false);
user_pref("browser.safebrowsing.provider.google4.updateURL", "");
user_pref("browser.safebrowsing.provider.mozilla.updateURL", "");
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("browser.startup.homepage_override.mstone", "ignore");
user_pref("browser.aboutwelcome.enabled", false);
user_pref("browser.newtabpage.enabled", false);
user_pref("browser.newtabpage.activity-stream.feeds.topsites", false);
user_pref("browser.search.update", false);
user_pref("browser.topsites.contile.enabled", false);
user_pref("datareporting.healthreport.uploadEnabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("toolkit.telemetry.enabled", false);
user_pref("toolkit.telemetry.unified", false);
user_pref("extensions.update.enabled", false);
user_pref("extensions.getAddons.cache.enabled", false);
user_pref("extensions.blocklist.enabled", false);
user_pref("network.captive-portal-service.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("network.dns.disablePrefetch", true);
user_pref("network.prefetch-next", false);
user_pref("network.trr.mode", 5);
user_pref("services.settings.server", "http://127.0.0.1:9/");
user_pref("identity.fxaccounts.enabled", false);
user_pref("media.gmp-manager.url", "http://127.0.0.1:9/");
user_pref("media.gmp-gmpopenh264.enabled", true);
user_pref("media.gmp-gmpopenh264.autoupdate", false);
user_pref("dom.push.connection.enabled", false);
