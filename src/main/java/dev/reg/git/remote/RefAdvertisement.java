package dev.reg.git.remote;

/**
 * The refs a server advertised for one ls-remote ({@code refs/…} only, no symbolic ref): those
 * under the prefixes asked for, or, when {@code everything}, every ref it has although only some
 * were asked for (a protocol v0 server advertises all of them, whatever was asked).
 */
record RefAdvertisement(RefTable refs, boolean everything) {
}
