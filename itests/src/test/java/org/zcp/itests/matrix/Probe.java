package org.zcp.itests.matrix;

/**
 * How one row of the matrix is exercised: {@link #prepare} builds what the cell needs with the
 * owner's or SYSTEM sessions (a failure there is a broken harness, not a cell result), the returned
 * {@link Op} is the one action the role performs. Its outcome is "allow" (or what the op returns,
 * e.g. "filtered"), or the MAPI error / protocol reply it ran into.
 */
@FunctionalInterface
public interface Probe {
    Prepared prepare(Cell c) throws Exception;

    record Prepared(Op op, Cleanup cleanup) {
    }

    @FunctionalInterface
    interface Op {
        String run() throws Exception;
    }

    @FunctionalInterface
    interface Cleanup {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface Call {
        void run(Cell c) throws Exception;
    }

    /** The role makes one call that needs no preparation; success is "allow". */
    static Probe call(Call call) {
        return c -> new Prepared(() -> {
            call.run(c);
            return "allow";
        }, null);
    }

    static Prepared op(Op op) {
        return new Prepared(op, null);
    }

    static Prepared allow(Call call, Cell c) {
        return new Prepared(() -> {
            call.run(c);
            return "allow";
        }, null);
    }
}
