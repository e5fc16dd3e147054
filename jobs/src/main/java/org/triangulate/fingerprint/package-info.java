/**
 * Change detection, in one place: how inputs, settings and the build are fingerprinted ({@link
 * org.triangulate.fingerprint.Fingerprint}, {@link org.triangulate.fingerprint.InputsFingerprint}),
 * and which outputs the store built from which fingerprint ({@link
 * org.triangulate.fingerprint.BuiltOutputs}), so a step skips work only when its inputs are
 * unchanged <em>and</em> its outputs are still there and readable. Depends on nothing else in the
 * project, so every step can use it.
 */
package org.triangulate.fingerprint;
