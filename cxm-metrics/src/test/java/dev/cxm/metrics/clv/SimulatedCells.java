package dev.cxm.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cxm.metrics.clv.GenerativeSimulation.Customer;
import dev.cxm.metrics.clv.rfm.CustomerHistory;

/**
 * Compares a model's predictions with simulated customers cell by cell: customers are grouped by
 * frequency (0 to 6) and a recency band (a fifth of T), and in each cell with enough customers the mean
 * prediction must lie within four standard errors of the simulated mean.
 */
final class SimulatedCells {

    private SimulatedCells() {}

    /** Checks conditional expected purchases in {@code horizon} and P(alive) against the simulation. */
    static int check(List<Customer> customers, PurchaseModel model, double horizon) {
        Map<String, Cell> cells = new TreeMap<>();
        for (Customer customer : customers) {
            if (customer.frequency() > 6) {
                continue;
            }
            int band = (int) Math.min(4, Math.floor(5 * customer.recency() / customer.age()));
            Cell cell = cells.computeIfAbsent(customer.frequency() + "/" + band, key -> new Cell());
            cell.count++;
            cell.purchases += customer.holdoutPurchases();
            cell.purchasesSquared += (double) customer.holdoutPurchases() * customer.holdoutPurchases();
            cell.alive += customer.aliveAtAge() ? 1 : 0;
            cell.predictedPurchases += model.conditionalExpectedPurchases(horizon,
                    CustomerHistory.of(customer.frequency(), customer.recency(), customer.age()));
            cell.predictedAlive += model.probabilityAlive(CustomerHistory.of(customer.frequency(), customer.recency(),
                    customer.age()));
        }
        int checked = 0;
        for (Map.Entry<String, Cell> entry : cells.entrySet()) {
            Cell cell = entry.getValue();
            if (cell.count < 1500) {
                continue;
            }
            double n = cell.count;
            double meanPurchases = cell.purchases / n;
            double sdPurchases = Math.sqrt(Math.max(cell.purchasesSquared / n - meanPurchases * meanPurchases, 0) / n);
            double aliveShare = cell.alive / n;
            double sdAlive = Math.sqrt(Math.max(aliveShare * (1 - aliveShare), 1 / n) / n);
            assertThat(cell.predictedPurchases / n).as("expected purchases in cell x/band %s of %d", entry.getKey(),
                    cell.count)
                    .isCloseTo(meanPurchases, within(4 * sdPurchases + 1e-9));
            assertThat(cell.predictedAlive / n).as("P(alive) in cell x/band %s of %d", entry.getKey(), cell.count)
                    .isCloseTo(aliveShare, within(4 * sdAlive + 1e-9));
            checked++;
        }
        return checked;
    }

    /** Checks P(X(T) = n) for n = 0..6 against the calibration frequencies of customers all of age T. */
    static void checkFrequencyDistribution(List<Customer> customers, PurchaseModel model, double age) {
        double n = customers.size();
        for (int count = 0; count <= 6; count++) {
            final int target = count;
            double share = customers.stream().filter(c -> c.frequency() == target).count() / n;
            double sd = Math.sqrt(Math.max(share * (1 - share), 1 / n) / n);
            assertThat(model.probabilityOfPurchases(count, age)).as("P(X(%s) = %d)", age, count)
                    .isCloseTo(share, within(4 * sd));
        }
        double meanFrequency = customers.stream().mapToInt(Customer::frequency).average().orElseThrow();
        double sdFrequency = Math.sqrt(customers.stream().mapToDouble(c -> Math.pow(c.frequency() - meanFrequency, 2))
                .sum() / n / n);
        assertThat(model.expectedPurchases(age)).as("E[X(%s)]", age).isCloseTo(meanFrequency, within(4 * sdFrequency));
    }

    private static final class Cell {
        int count;
        double purchases;
        double purchasesSquared;
        double alive;
        double predictedPurchases;
        double predictedAlive;
    }
}
