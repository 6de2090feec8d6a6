/*
 * How LibsrtpVectorsTest's packets were made: libsrtp 2.5.0 (Debian bookworm libsrtp2-dev).
 *   gcc -o gen libsrtp-vectors.c -lsrtp2 && ./gen
 */
#include <stdio.h>
#include <string.h>
#include <srtp2/srtp.h>

static void hex(const char *name, const unsigned char *b, int n) {
  printf("%s ", name);
  for (int i = 0; i < n; i++) printf("%02x", b[i]);
  printf("\n");
}

static int setup(srtp_t *s, int profile, unsigned char *key) {
  srtp_policy_t p;
  memset(&p, 0, sizeof p);
  int klen = 0;
  switch (profile) {
    case 1: srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&p.rtp); srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&p.rtcp); klen = 30; break;
    case 2: srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32(&p.rtp); srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&p.rtcp); klen = 30; break;
    case 7: srtp_crypto_policy_set_aes_gcm_128_16_auth(&p.rtp); srtp_crypto_policy_set_aes_gcm_128_16_auth(&p.rtcp); klen = 28; break;
    case 8: srtp_crypto_policy_set_aes_gcm_256_16_auth(&p.rtp); srtp_crypto_policy_set_aes_gcm_256_16_auth(&p.rtcp); klen = 44; break;
  }
  for (int i = 0; i < klen; i++) key[i] = (unsigned char)(profile * 16 + i * 7 + 1);
  p.ssrc.type = ssrc_any_outbound;
  p.key = key;
  p.window_size = 128;
  p.allow_repeat_tx = 0;
  p.next = NULL;
  int st = srtp_create(s, &p);
  if (st) { fprintf(stderr, "srtp_create %d for %d\n", st, profile); return -1; }
  return klen;
}

int main(void) {
  srtp_init();
  int profiles[] = {1, 2, 7, 8};
  for (int k = 0; k < 4; k++) {
    int profile = profiles[k];
    srtp_t s;
    unsigned char key[64];
    int klen = setup(&s, profile, key);
    if (klen < 0) continue;
    printf("profile %d\n", profile);
    hex("master", key, klen);
    unsigned char buf[512];
    int len;
    // a: plain header, 40-byte payload, seq 0x1234
    unsigned char a[52] = {0x80, 0x60, 0x12, 0x34, 0xde, 0xad, 0xbe, 0xef, 0xca, 0xfe, 0xba, 0xbe};
    for (int i = 12; i < 52; i++) a[i] = (unsigned char) i;
    memcpy(buf, a, 52); len = 52;
    if (srtp_protect(s, buf, &len)) fprintf(stderr, "protect a\n");
    hex("rtp-plain", a, 52); hex("rtp-srtp", buf, len);
    srtp_dealloc(s);
    // b: P, X, CC=2, marker, seq 65534,65535,0,1 (ROC 0,0,1,1), SSRC 0x11223344
    setup(&s, profile, key);
    unsigned char b[12 + 8 + 12 + 21 + 3];
    int bl = sizeof b;
    memset(b, 0, bl);
    b[0] = 0x80 | 0x20 | 0x10 | 2; b[1] = 0x80 | 111;
    b[4] = 1; b[5] = 2; b[6] = 3; b[7] = 4;
    b[8] = 0x11; b[9] = 0x22; b[10] = 0x33; b[11] = 0x44;
    for (int i = 12; i < 20; i++) b[i] = (unsigned char)(0xA0 + i);
    b[20] = 0xBE; b[21] = 0xDE; b[22] = 0; b[23] = 2;
    for (int i = 24; i < 32; i++) b[i] = (unsigned char)(0x50 + i);
    for (int i = 32; i < bl - 3; i++) b[i] = (unsigned char)(i * 3);
    b[bl - 1] = 3;
    unsigned short seqs[] = {65534, 65535, 0, 1};
    for (int j = 0; j < 4; j++) {
      b[2] = seqs[j] >> 8; b[3] = seqs[j] & 0xff;
      memcpy(buf, b, bl); len = bl;
      if (srtp_protect(s, buf, &len)) fprintf(stderr, "protect b\n");
      printf("seq %d\n", seqs[j]);
      hex("rtp-plain", b, bl); hex("rtp-srtp", buf, len);
    }
    // rtcp: SR (28 bytes) + SDES (CNAME "rtc4j", 16 bytes)
    unsigned char c[44] = {0x80, 200, 0, 6, 0x11, 0x22, 0x33, 0x44,
                           1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0, 0, 0, 5, 0, 0, 1, 0,
                           0x81, 202, 0, 3, 0x11, 0x22, 0x33, 0x44, 1, 5, 'r', 't', 'c', '4', 'j', 0};
    for (int j = 0; j < 2; j++) {
      memcpy(buf, c, 44); len = 44;
      if (srtp_protect_rtcp(s, buf, &len)) fprintf(stderr, "protect rtcp\n");
      hex("rtcp-plain", c, 44); hex("rtcp-srtcp", buf, len);
    }
    srtp_dealloc(s);
  }
  return 0;
}
