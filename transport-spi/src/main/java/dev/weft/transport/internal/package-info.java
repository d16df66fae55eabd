/** Service registrations of this module; not exported. */
package dev.weft.transport.internal;
