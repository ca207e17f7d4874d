package com.assistantgateway.admin.api;

import com.assistantgateway.admin.AdminProblem;
import java.util.List;

/** One page of a list: {@code page} counts from 0; {@code total} is the size of the whole list. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public static <T> Page<T> of(List<T> all, int page, int size) {
        check(page, size);
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(all.subList(from, to), page, size, all.size());
    }

    /** Validates paging parameters and returns the offset they start at. */
    public static int offset(int page, int size) {
        check(page, size);
        return page * size;
    }

    private static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE || (long) page * size > Integer.MAX_VALUE) {
            throw AdminProblem.invalid("page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
    }
}
