/**
 * Jazzer fuzz targets for RTP and RTCP: {@code RtpFuzzTest#wrap} (the RTP view, its header
 * extensions and the writer) and {@code RtcpFuzzTest#parse} (compound RTCP, every packet type and
 * its writer).
 *
 * <p>A plain {@code ./mvnw test} runs each target once per seed in {@code
 * src/test/resources/org/rtc4j/rtp/fuzz/<TestClass>Inputs/}: the files directly in it are shared by
 * that class's targets, the files in a subdirectory named after a target are that target's only.
 *
 * <p>To fuzz, run one target at a time from the repository root; {@code JAZZER_MAX_DURATION} bounds
 * the run (the default is 5 minutes), and {@code -am} builds rtc4j-common too:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-rtp -am test \
 *     -Dtest='RtpFuzzTest#wrap' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 *
 * <p>(or {@code -Dtest='RtcpFuzzTest#parse'}). Fuzzing writes its growing corpus into {@code
 * rtc4j-rtp/.cifuzz-corpus/} and each failing input, as {@code crash-<sha1>}, into the target's
 * inputs directory; both are git-ignored. Once the bug is fixed, rename the crash file to say what
 * it is and commit it: from then on a plain test run replays it.
 */
package org.rtc4j.rtp.fuzz;
