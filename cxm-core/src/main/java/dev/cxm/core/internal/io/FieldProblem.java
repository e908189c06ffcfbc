package dev.cxm.core.internal.io;

import java.util.Optional;

/** A row's field that cannot be read; carries the column at fault and a reason free of the cell's text. */
final class FieldProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Optional<String> column;

    FieldProblem(Optional<String> column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }

    Optional<String> column() {
        return column;
    }
}
