/** Registration of the {@code redis://} scheme with {@link java.util.ServiceLoader}; not exported. */
package dev.weft.transport.redis.internal;
