/**
 * What the HTTP clients (the LLM's and {@code data pull}'s) share: the wording of a fault below HTTP for a user, and
 * whether it is one of the address that no retry mends ({@link dev.evosld.http.TransportFault}), the proxies the
 * environment names ({@link dev.evosld.http.EnvironmentProxies}), and TLS handshakes bounded by the connect timeout
 * ({@link dev.evosld.http.BoundedHandshakes}). It depends on no EvoSLD package but the root's
 * {@code EvosldException}, so that both may use it without the data package depending on the LLM's.
 */
package dev.evosld.http;
