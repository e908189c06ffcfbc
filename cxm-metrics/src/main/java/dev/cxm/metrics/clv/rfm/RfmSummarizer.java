package dev.cxm.metrics.clv.rfm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.accumulate.Accumulator;
import dev.cxm.core.accumulate.Accumulators;
import dev.cxm.core.internal.Checks;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.Purchase;
import dev.cxm.metrics.clv.rfm.internal.CustomerIndex;
import dev.cxm.metrics.clv.rfm.internal.PeriodClock;

/**
 * Accumulates purchases, in any order, into an {@link RfmSummary}: {@code add} purchases, {@code merge}
 * partial summarizers (as a parallel stream does), then take the {@link #result()}; an
 * {@link Accumulator} whose {@link #state()} is an {@link RfmSummaryState}.
 *
 * <p>The shortest path needs no events at all: a customer id, the instant of the purchase and its amount
 * (in the summary's one currency), or no amount for the purchase-count models.
 * <pre>{@code
 * RfmSummarizer summarizer = RfmSummarizer.of(RfmSummaryOptions.ofDefaults(
 *         LocalDate.parse("2025-12-31"), ZoneOffset.UTC, ChronoUnit.WEEKS));
 * for (Order order : orders) {
 *     summarizer.add(CustomerId.of(order.customer()), order.paidAt(), order.total());
 * }
 * RfmSummary summary = summarizer.result();
 * }</pre>
 *
 * <p>A summarizer keeps each purchase inside the calibration and holdout periods as one compact row (a
 * customer number, a time and an amount: 16 bytes with calendar periods, 20 in continuous time, 8 bytes
 * less without amounts), so ten million purchases take about 160 MB, and {@link #result()} adds 16 bytes per
 * purchase; purchases after the end of the summary are dropped on arrival. Either every purchase has
 * an amount or none has. The result does not depend on the order of the purchases, except that its
 * customers are listed in the order each first appeared. Not thread-safe: use one per thread and
 * {@link #merge} them ({@link RfmSummary#collector} does).
 */
public final class RfmSummarizer implements Accumulator<Purchase, RfmSummaryState, RfmSummary, RfmSummarizer> {

    private enum Amounts { UNKNOWN, PRESENT, ABSENT }

    private static final int BATCH = 256;

    private final RfmSummaryOptions options;
    private final PeriodClock clock;
    private final long calibrationEndKey;
    private final long endKey;
    private final CustomerIndex index = new CustomerIndex();
    private final Rows rows;
    private Amounts amounts = Amounts.UNKNOWN;
    private Optional<Currency> currency = Optional.empty();

    /** Purchases accepted but not yet numbered: customers are looked up a batch at a time. */
    private final CustomerId[] pendingCustomers = new CustomerId[BATCH];
    private final long[] pendingKeys = new long[BATCH];
    private final double[] pendingAmounts = new double[BATCH];
    private final int[] batchHashes = new int[BATCH];
    private final int[] batchNumbers = new int[BATCH];
    private int pending;

    private RfmSummarizer(RfmSummaryOptions options) {
        this.options = Checks.present("options", options);
        this.clock = options.clock();
        this.calibrationEndKey = clock.key(options.calibrationEnd());
        this.endKey = clock.key(options.holdoutEnd().orElse(options.calibrationEnd()));
        this.rows = new Rows(clock.compactKeys());
    }

    /**
     * Returns an empty summarizer.
     *
     * @param options how to summarise
     * @return the summarizer
     */
    public static RfmSummarizer of(RfmSummaryOptions options) {
        return new RfmSummarizer(options);
    }

    /**
     * Returns a summarizer that continues from {@code state}, as the summarizer that wrote it stood.
     *
     * @param state a state from {@link #state()}, possibly read back from JSON
     * @return the summarizer
     */
    public static RfmSummarizer restore(RfmSummaryState state) {
        Checks.present("state", state);
        RfmSummarizer summarizer = new RfmSummarizer(state.options());
        summarizer.currency = state.currency();
        summarizer.amounts = state.withAmounts().map(with -> with ? Amounts.PRESENT : Amounts.ABSENT)
                .orElse(Amounts.UNKNOWN);
        List<CustomerId> customers = state.customers();
        CustomerId[] batch = new CustomerId[BATCH];
        for (int from = 0; from < customers.size(); from += BATCH) {
            int count = Math.min(BATCH, customers.size() - from);
            for (int i = 0; i < count; i++) {
                batch[i] = customers.get(from + i);
            }
            summarizer.index.numbersOf(batch, count, summarizer.batchHashes, summarizer.batchNumbers);
        }
        int[] purchaseCustomers = state.purchaseCustomers();
        long[] times = state.times();
        double[] amounts = state.amounts();
        boolean withAmounts = summarizer.amounts == Amounts.PRESENT;
        for (int i = 0; i < times.length; i++) {
            summarizer.rows.add(purchaseCustomers[i], times[i], withAmounts ? amounts[i] : Double.NaN, withAmounts);
        }
        return summarizer;
    }

    /**
     * Adds a purchase of {@code amount} (in the summary's one currency) by {@code customer} at {@code at}:
     * the direct path, for purchases that are not {@link Purchase} events.
     *
     * @param customer the customer
     * @param at when the purchase happened
     * @param amount its value, finite and 0 or more
     * @return this summarizer
     * @throws IllegalArgumentException when the amount is negative or not finite, when earlier purchases came
     *     without amounts, or when {@code at} cannot be placed in the purchase periods
     */
    public RfmSummarizer add(CustomerId customer, Instant at, double amount) {
        Checks.nonNegative("amount", amount);
        requireAmounts(Amounts.PRESENT);
        store(customer, at, amount);
        return this;
    }

    /**
     * Adds a purchase without an amount, for the purchase-count models; no purchase may then have one.
     *
     * @param customer the customer
     * @param at when the purchase happened
     * @return this summarizer
     * @throws IllegalArgumentException when earlier purchases came with amounts, or when {@code at} cannot be
     *     placed in the purchase periods
     */
    public RfmSummarizer add(CustomerId customer, Instant at) {
        requireAmounts(Amounts.ABSENT);
        store(customer, at, Double.NaN);
        return this;
    }

    /**
     * Adds a purchase event with its amount.
     *
     * @param purchase the purchase
     * @return this summarizer
     * @throws IllegalArgumentException when its currency differs from that of the purchases before it
     */
    @Override
    public RfmSummarizer add(Purchase purchase) {
        Checks.present("purchase", purchase);
        Currency own = purchase.amount().currency();
        if (currency.isPresent() && !currency.get().equals(own)) {
            throw new IllegalArgumentException("currency: " + own.getCurrencyCode() + " does not match "
                    + currency.get().getCurrencyCode() + "; the purchases of one summary must share a currency");
        }
        BigDecimal amount = purchase.amount().amount();
        add(purchase.customerId(), purchase.occurredAt(), amount.doubleValue());
        currency = Optional.of(own);
        return this;
    }

    /**
     * Adds every purchase of {@code other}, which must have the same options and not be this summarizer;
     * {@code other} is unchanged.
     *
     * @param other the summarizer to add
     * @return this summarizer
     * @throws IllegalArgumentException when {@code other} is this summarizer, has other options, or has amounts
     *     where this has none (or the other way round) or another currency
     */
    @Override
    public RfmSummarizer merge(RfmSummarizer other) {
        Accumulators.requireOther(this, other);
        if (!options.equals(other.options)) {
            throw new IllegalArgumentException("other: its options " + other.options + " differ from " + options
                    + "; only summarizers with the same options merge");
        }
        if (other.amounts != Amounts.UNKNOWN) {
            requireAmounts(other.amounts);
        }
        if (other.currency.isPresent()) {
            if (currency.isPresent() && !currency.get().equals(other.currency.get())) {
                throw new IllegalArgumentException("currency: " + other.currency.get().getCurrencyCode()
                        + " does not match " + currency.get().getCurrencyCode());
            }
            currency = other.currency;
        }
        flush();
        other.flush();
        int[] translation = new int[other.index.size()];
        CustomerId[] customers = new CustomerId[BATCH];
        for (int from = 0; from < translation.length; from += BATCH) {
            int count = Math.min(BATCH, translation.length - from);
            for (int i = 0; i < count; i++) {
                customers[i] = other.index.customer(from + i);
            }
            index.numbersOf(customers, count, batchHashes, batchNumbers);
            System.arraycopy(batchNumbers, 0, translation, from, count);
        }
        rows.appendTranslated(other.rows, translation, amounts == Amounts.PRESENT);
        return this;
    }

    /**
     * Returns a snapshot of every purchase kept so far, column by column; a summarizer
     * {@linkplain #restore restored} from it continues where this one stands. Costs a copy of the rows.
     *
     * @return the state
     */
    @Override
    public RfmSummaryState state() {
        flush();
        List<CustomerId> customers = new ArrayList<>(index.size());
        for (int c = 0; c < index.size(); c++) {
            customers.add(index.customer(c));
        }
        int total = Math.toIntExact(rows.size());
        boolean withAmounts = amounts == Amounts.PRESENT;
        int[] purchaseCustomers = new int[total];
        long[] times = new long[total];
        double[] values = new double[withAmounts ? total : 0];
        int[] at = {0};
        rows.forEachBlock((blockCustomers, intKeys, longKeys, blockAmounts, count) -> {
            System.arraycopy(blockCustomers, 0, purchaseCustomers, at[0], count);
            for (int i = 0; i < count; i++) {
                times[at[0] + i] = rows.compact ? intKeys[i] : longKeys[i];
            }
            if (withAmounts) {
                System.arraycopy(blockAmounts, 0, values, at[0], count);
            }
            at[0] += count;
        });
        Optional<Boolean> mode = amounts == Amounts.UNKNOWN ? Optional.empty() : Optional.of(withAmounts);
        return new RfmSummaryState(options, currency, mode, customers, purchaseCustomers, times, values);
    }

    /**
     * Returns the summary of every purchase added so far; the summarizer may go on accumulating.
     *
     * @return the summary
     */
    @Override
    public RfmSummary result() {
        flush();
        boolean withAmounts = amounts == Amounts.PRESENT;
        int customerCount = index.size();
        long size = rows.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("rows: " + size + " purchases are more than one summary holds");
        }
        // Group the rows by customer with a counting sort that copies each row's time and amount next to the
        // other rows of its customer; each core scatters the customers of its own range, reading the
        // customer column sequentially. Then summarise the customers in parallel chunks.
        int[] start = new int[customerCount + 1];
        rows.forEachBlock((customers, intKeys, longKeys, amounts, count) -> {
            for (int i = 0; i < count; i++) {
                start[customers[i] + 1]++;
            }
        });
        for (int c = 0; c < customerCount; c++) {
            start[c + 1] += start[c];
        }
        int total = (int) size;
        long[] groupedKeys = new long[total];
        double[] groupedValues = new double[withAmounts ? total : 0];
        int[] next = Arrays.copyOf(start, customerCount);
        boolean compactKeys = rows.compact;
        int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), customerCount / 4096 + 1));
        java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
            int low = (int) ((long) customerCount * part / parts);
            int high = (int) ((long) customerCount * (part + 1) / parts);
            rows.forEachBlock((customers, intKeys, longKeys, amounts, count) -> {
                for (int i = 0; i < count; i++) {
                    int customer = customers[i];
                    if (customer >= low && customer < high) {
                        int slot = next[customer]++;
                        groupedKeys[slot] = compactKeys ? intKeys[i] : longKeys[i];
                        if (withAmounts) {
                            groupedValues[slot] = amounts[i];
                        }
                    }
                }
            });
        });
        int chunk = 1 << 14;
        int chunks = (customerCount + chunk - 1) / chunk;
        List<List<CustomerSummary>> pieces = java.util.stream.IntStream.range(0, chunks).parallel().mapToObj(piece -> {
            List<CustomerSummary> summaries = new ArrayList<>(chunk);
            for (int c = piece * chunk, end = Math.min(customerCount, (piece + 1) * chunk); c < end; c++) {
                sortByTime(groupedKeys, groupedValues, start[c], start[c + 1], withAmounts);
                summarize(index.customer(c), groupedKeys, groupedValues, start[c], start[c + 1], withAmounts)
                        .ifPresent(summaries::add);
            }
            return summaries;
        }).toList();
        List<CustomerSummary> summaries = new ArrayList<>(customerCount);
        pieces.forEach(summaries::addAll);
        return new RfmSummary(options, currency, summaries);
    }

    private Optional<CustomerSummary> summarize(CustomerId customer, long[] keys, double[] values, int from, int to,
            boolean withAmounts) {
        if (keys[from] >= calibrationEndKey) {
            return Optional.empty();
        }
        long first = keys[from];
        long last = first;
        int periods = 0;
        double firstSpend = 0;
        double total = 0;
        int holdoutPeriods = 0;
        double holdoutTotal = 0;
        long previous = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            long key = keys[i];
            double value = withAmounts ? values[i] : 0;
            boolean newPeriod = key != previous;
            previous = key;
            if (key < calibrationEndKey) {
                total += value;
                if (key == first) {
                    firstSpend += value;
                }
                if (newPeriod) {
                    periods++;
                    last = key;
                }
            } else {
                holdoutTotal += value;
                if (newPeriod) {
                    holdoutPeriods++;
                }
            }
        }
        int frequency = periods - 1;
        double recency = clock.toUnits(last - first, options.unit());
        double age = clock.toUnits(clock.ageEndKey(options.calibrationEnd()) - first, options.unit());
        OptionalDouble monetary = withAmounts && frequency > 0
                ? OptionalDouble.of((total - firstSpend) / frequency) : OptionalDouble.empty();
        OptionalDouble totalSpend = withAmounts ? OptionalDouble.of(total) : OptionalDouble.empty();
        Optional<HoldoutSummary> holdout = options.holdoutEnd().isEmpty() ? Optional.empty()
                : Optional.of(new HoldoutSummary(holdoutPeriods, withAmounts && holdoutPeriods > 0
                        ? OptionalDouble.of(holdoutTotal / holdoutPeriods) : OptionalDouble.empty(),
                        withAmounts ? OptionalDouble.of(holdoutTotal) : OptionalDouble.empty()));
        return Optional.of(new CustomerSummary(customer, frequency, recency, age, monetary, totalSpend, holdout));
    }

    private void store(CustomerId customer, Instant at, double amount) {
        Objects.requireNonNull(customer, "customer must not be null");
        long key = clock.key(Objects.requireNonNull(at, "at must not be null"));
        if (key >= endKey) {
            return;
        }
        if (rows.compact && (key < Integer.MIN_VALUE || key > Integer.MAX_VALUE)) {
            // Checked here, not when the batch is stored, so that the purchase at fault is the one refused.
            throw new IllegalArgumentException("at: " + at + " is too far from 1970 to count in "
                    + options.purchasePeriod().map(p -> p.toString().toLowerCase(java.util.Locale.ROOT))
                            .orElse("periods")
                    + "; use a longer purchase period");
        }
        pendingCustomers[pending] = customer;
        pendingKeys[pending] = key;
        pendingAmounts[pending] = amount;
        if (++pending == BATCH) {
            flush();
        }
    }

    /** Numbers the pending purchases' customers and stores the purchases as rows. */
    private void flush() {
        index.numbersOf(pendingCustomers, pending, batchHashes, batchNumbers);
        boolean withAmounts = amounts == Amounts.PRESENT;
        for (int i = 0; i < pending; i++) {
            rows.add(batchNumbers[i], pendingKeys[i], pendingAmounts[i], withAmounts);
        }
        pending = 0;
    }

    private void requireAmounts(Amounts wanted) {
        if (amounts == Amounts.UNKNOWN) {
            amounts = wanted;
        } else if (amounts != wanted) {
            throw new IllegalArgumentException("amount: some purchases have an amount and others not; a summary"
                    + " takes amounts for every purchase or for none");
        }
    }

    /**
     * Sorts {@code keys[from, to)} ascending, carrying the values along, and equal keys by value, so that
     * sums come out the same whatever the input order; an already sorted range costs one pass. Insertion
     * sort for the short histories most customers have, a merge sort beyond.
     */
    private static void sortByTime(long[] keys, double[] values, int from, int to, boolean withValues) {
        boolean sorted = true;
        for (int i = from + 1; i < to && sorted; i++) {
            sorted = !before(keys, values, i, i - 1, withValues);
        }
        if (sorted) {
            return;
        }
        if (!withValues) {
            Arrays.sort(keys, from, to);
            return;
        }
        if (to - from <= 48) {
            for (int i = from + 1; i < to; i++) {
                long key = keys[i];
                double value = values[i];
                int j = i - 1;
                while (j >= from && (keys[j] > key || keys[j] == key && values[j] > value)) {
                    keys[j + 1] = keys[j];
                    values[j + 1] = values[j];
                    j--;
                }
                keys[j + 1] = key;
                values[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        sortByTime(keys, values, from, middle, true);
        sortByTime(keys, values, middle, to, true);
        long[] mergedKeys = new long[to - from];
        double[] mergedValues = new double[to - from];
        int left = from;
        int right = middle;
        for (int k = 0; k < mergedKeys.length; k++) {
            boolean takeLeft = right >= to || left < middle && !before(keys, values, right, left, true);
            int source = takeLeft ? left++ : right++;
            mergedKeys[k] = keys[source];
            mergedValues[k] = values[source];
        }
        System.arraycopy(mergedKeys, 0, keys, from, mergedKeys.length);
        System.arraycopy(mergedValues, 0, values, from, mergedValues.length);
    }

    /** Returns whether entry {@code i} sorts strictly before entry {@code j}. */
    private static boolean before(long[] keys, double[] values, int i, int j, boolean withValues) {
        return keys[i] < keys[j] || withValues && keys[i] == keys[j] && values[i] < values[j];
    }

    /** Receives a block of rows: see {@link Rows#forEachBlock}. */
    private interface BlockVisitor {
        void visit(int[] customers, int[] intKeys, long[] longKeys, double[] amounts, int count);
    }

    /**
     * Growable columns of rows, in blocks so that growing never copies what is stored; calendar-period keys
     * are stored as {@code int}s. Blocks double from 4,096 rows to a million: a small summary stays small, and
     * a large one's blocks are big enough for the garbage collector to place them outside the young
     * generation (G1's humongous objects) rather than copy them from space to space as they age.
     */
    private static final class Rows {
        private static final int FIRST_BLOCK = 1 << 12;
        private static final int LARGEST_BLOCK = 1 << 20;
        private final boolean compact;
        private final List<int[]> customerBlocks = new ArrayList<>();
        private final List<int[]> intKeyBlocks = new ArrayList<>();
        private final List<long[]> longKeyBlocks = new ArrayList<>();
        private final List<double[]> amountBlocks = new ArrayList<>();
        private int[] currentCustomers = new int[0];
        private int[] currentIntKeys = new int[0];
        private long[] currentLongKeys = new long[0];
        private double[] currentAmounts = new double[0];
        /** Rows in the current (last) block. */
        private int offset;
        private long size;

        Rows(boolean compact) {
            this.compact = compact;
        }

        void add(int customer, long key, double amount, boolean withAmount) {
            if (offset == currentCustomers.length) {
                startBlock(withAmount);
            }
            currentCustomers[offset] = customer;
            if (compact) {
                // In range: store() refused any purchase whose key is not.
                currentIntKeys[offset] = (int) key;
            } else {
                currentLongKeys[offset] = key;
            }
            if (withAmount) {
                currentAmounts[offset] = amount;
            }
            offset++;
            size++;
        }

        private void startBlock(boolean withAmount) {
            int length = customerBlocks.isEmpty() ? FIRST_BLOCK : Math.min(LARGEST_BLOCK, 2 * currentCustomers.length);
            currentCustomers = new int[length];
            customerBlocks.add(currentCustomers);
            if (compact) {
                currentIntKeys = new int[length];
                intKeyBlocks.add(currentIntKeys);
            } else {
                currentLongKeys = new long[length];
                longKeyBlocks.add(currentLongKeys);
            }
            if (withAmount) {
                currentAmounts = new double[length];
                amountBlocks.add(currentAmounts);
            }
            offset = 0;
        }

        long size() {
            return size;
        }

        /**
         * Hands each block of rows to {@code visitor}: the columns, of which only the used key column
         * (ints when compact) and, with amounts, the amount column hold data, and the count of rows in it.
         */
        void forEachBlock(BlockVisitor visitor) {
            int last = customerBlocks.size() - 1;
            for (int block = 0; block <= last; block++) {
                int[] customers = customerBlocks.get(block);
                visitor.visit(customers, compact ? intKeyBlocks.get(block) : currentIntKeys,
                        compact ? currentLongKeys : longKeyBlocks.get(block),
                        amountBlocks.isEmpty() ? currentAmounts : amountBlocks.get(block),
                        block == last ? offset : customers.length);
            }
        }

        /** Appends every row of {@code other}, its customer numbers mapped through {@code translation}. */
        void appendTranslated(Rows other, int[] translation, boolean withAmount) {
            other.forEachBlock((customers, intKeys, longKeys, amounts, count) -> {
                for (int i = 0; i < count; i++) {
                    add(translation[customers[i]], compact ? intKeys[i] : longKeys[i],
                            withAmount ? amounts[i] : Double.NaN, withAmount);
                }
            });
        }
    }
}
