/**
 * The young generation of every scan thread (the scan worker and each helper reader). Left to
 * itself, V8 grows a busy thread's young generation to well over 100 MB while what survives a
 * scavenge is a few MB: at 10,000 sessions the scan worker alone committed 168 MB of heap for
 * under 40 MB alive, and the young generations were most of a cold scan's peak RSS. At 16 MB the
 * peak fell by a third for the same CPU; at 8 MB the extra scavenges start to cost CPU.
 */
export const scanThreadYoungGenerationMb = 16;
