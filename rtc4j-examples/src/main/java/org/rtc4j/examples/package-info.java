/** Runnable rtc4j programs: the browser data-channel echo demo. */
package org.rtc4j.examples;
