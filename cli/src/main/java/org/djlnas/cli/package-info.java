/**
 * The {@code nas} command line: {@link org.djlnas.cli.Main} and one class per subcommand.
 *
 * <p>Every command follows one contract: with {@code --json} it prints exactly one JSON value on
 * stdout; people's messages go to stderr; bad input exits with status 2 and a single line {@code
 * nas: <reason>} on stderr, other failures with status 1 and the same kind of line.
 */
@NullMarked
package org.djlnas.cli;

import org.jspecify.annotations.NullMarked;
