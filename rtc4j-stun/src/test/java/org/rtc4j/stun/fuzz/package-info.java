/**
 * Jazzer fuzz targets for STUN: {@code StunFuzzTest#decode} (the codec) and {@code
 * StunFuzzTest#serverAndClientHandleRead} (the server and client endpoints).
 *
 * <p>A plain {@code ./mvnw test} runs each target once per seed in {@code
 * src/test/resources/org/rtc4j/stun/fuzz/StunFuzzTestInputs/}: the files directly in it are shared
 * by both targets, and the files in a subdirectory named after a target are that target's only.
 *
 * <p>To fuzz, run one target at a time from the repository root; {@code JAZZER_MAX_DURATION} bounds
 * the run (the default is 5 minutes), and {@code -am} builds rtc4j-common too, so that Jazzer
 * instruments its {@code ByteReader} for coverage:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-stun -am test \
 *     -Dtest='StunFuzzTest#decode' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 *
 * <p>(or {@code -Dtest='StunFuzzTest#serverAndClientHandleRead'}). Fuzzing writes two things into
 * the tree: the corpus it grows, in {@code rtc4j-stun/.cifuzz-corpus/} (not to be committed), and
 * each input that fails, as {@code crash-<sha1>} in {@code StunFuzzTestInputs/<target>/}. Both are
 * git-ignored. Once the bug is fixed, rename the crash file to say what it is and commit it: from
 * then on a plain test run replays it.
 */
package org.rtc4j.stun.fuzz;
