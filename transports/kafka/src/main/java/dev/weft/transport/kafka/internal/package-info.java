/** Registration of the {@code kafka://} scheme with {@link java.util.ServiceLoader}; not exported. */
package dev.weft.transport.kafka.internal;
