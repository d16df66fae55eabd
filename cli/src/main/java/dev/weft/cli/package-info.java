/** The {@code weft} command-line tool; {@link dev.weft.cli.Main} lists the commands. */
package dev.weft.cli;
