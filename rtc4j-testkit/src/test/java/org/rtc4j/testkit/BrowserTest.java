package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link Browser} starts a browser: its command lines, preferences and checks. */
class BrowserTest {
  private static final URI PAGE = URI.create("http://127.0.0.1:8080/smoke.html");
  private static final Path PROFILE = Path.of("/scratch/profile");

  @Test
  void chromiumGetsTheLoopbackRecipeAndAFreshProfile() {
    List<String> cmd =
        Browser.command(Browser.Kind.CHROMIUM, Path.of("/usr/bin/chromium"), PROFILE, PAGE);
    assertEquals("/usr/bin/chromium", cmd.get(0));
    assertEquals(PAGE.toString(), cmd.get(cmd.size() - 1), "the page comes last");
    for (String flag :
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=/scratch/profile",
            "--use-fake-ui-for-media-stream",
            "--allow-loopback-in-peer-connection",
            "--use-fake-device-for-media-stream",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE *.local")) {
      assertTrue(cmd.contains(flag), flag + " in " + cmd);
    }
  }

  @Test
  void firefoxGetsAHeadlessNoRemoteProfile() {
    List<String> cmd =
        Browser.command(Browser.Kind.FIREFOX, Path.of("/usr/bin/firefox-esr"), PROFILE, PAGE);
    assertEquals(
        List.of(
            "/usr/bin/firefox-esr",
            "--headless",
            "--no-remote",
            "--profile",
            "/scratch/profile",
            PAGE.toString()),
        cmd);
  }

  @Test
  void firefoxPreferencesGatherLoopbackCandidatesAndKeepDefaultDtls() {
    String prefs = Browser.firefoxPreferences();
    for (String pref :
        List.of(
            "user_pref(\"media.peerconnection.ice.loopback\", true);",
            "user_pref(\"media.peerconnection.ice.obfuscate_host_addresses\", false);",
            "user_pref(\"permissions.default.camera\", 1);",
            "user_pref(\"permissions.default.microphone\", 1);",
            "user_pref(\"media.navigator.streams.fake\", true);",
            "user_pref(\"network.manage-offline-status\", false);",
            "user_pref(\"app.update.enabled\", false);",
            "user_pref(\"network.trr.mode\", 5);")) {
      assertTrue(prefs.contains(pref), pref);
    }
    assertFalse(prefs.contains("dtls.version"), "real users run the default DTLS versions");
    assertFalse(prefs.contains("enable_pq_hybrid_kex"), "and the default key shares");
  }

  @Test
  void neitherBrowserIsToldToUseDtls12Only() {
    for (Browser.Kind kind : Browser.Kind.values()) {
      String cmd = String.join(" ", Browser.command(kind, Path.of("/b"), PROFILE, PAGE));
      assertFalse(cmd.toLowerCase(java.util.Locale.ROOT).contains("dtls"), cmd);
    }
  }

  @Test
  void pagesComeFromLoopbackOnly() {
    assertDoesNotThrow(() -> Browser.requireLoopbackPage(PAGE));
    assertDoesNotThrow(() -> Browser.requireLoopbackPage(URI.create("http://localhost:1/a")));
    assertDoesNotThrow(() -> Browser.requireLoopbackPage(URI.create("https://[::1]:443/")));
    for (String bad :
        List.of(
            "http://example.com/page.html",
            "http://10.0.0.1/page.html",
            "file:///etc/passwd",
            "about:blank")) {
      assertThrows(
          IllegalArgumentException.class, () -> Browser.requireLoopbackPage(URI.create(bad)), bad);
    }
  }

  @Test
  void aBrowserThatExitsAtOnceThrowsWithItsLog(@TempDir Path scratch) throws Exception {
    RealPeers.assumeNetworkNamespaces();
    Path broken = scratch.resolve("broken-browser");
    Files.writeString(broken, "#!/bin/sh\necho 'cannot open display: nothing here'\nexit 7\n");
    Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));
    try (NetworkNamespace ns = NetworkNamespace.create("rtc4j-test")) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  Browser.launch(
                      Browser.Kind.CHROMIUM, broken, ns, PAGE, scratch.resolve("scratch")));
      assertTrue(e.getMessage().contains("exit 7"), e.getMessage());
      assertTrue(e.getMessage().contains("cannot open display: nothing here"), e.getMessage());
    }
  }

  @Test
  void executablesAreFoundOnThePath() {
    for (Browser.Kind kind : Browser.Kind.values()) {
      Browser.executable(kind)
          .ifPresent(
              p -> assertTrue(kind.executableNames().contains(p.getFileName().toString()), p + ""));
    }
  }
}
