/** SDP session descriptions (RFC 8866) and the attributes WebRTC negotiates with them. */
package org.rtc4j.sdp;
