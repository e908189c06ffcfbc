package dev.cxm.metrics.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link DriverData}: the column and row builders hold the same rows (the expected values are the ones added),
 * refuse a value that is not finite naming its column and row, and the moments are those of the definition.
 */
class DriverDataTest {

    @Test
    void columnsAndRowsBuildTheSameData() {
        DriverData byColumns = DriverData.byColumns("recommend", new double[] {9, 6, 7})
                .driver("wait", new double[] {3, 1, 2}).driver("staff", new double[] {5, 4, 4}).build();
        DriverData byRows = DriverData.byRows("recommend", "wait", "staff").add(9, 3, 5).add(6, 1, 4).add(7, 2, 4)
                .build();
        assertThat(byColumns).isEqualTo(byRows).hasSameHashCodeAs(byRows);
        assertThat(byRows.rows()).isEqualTo(3);
        assertThat(byRows.driverValues("staff")).containsExactly(5, 4, 4);
        assertThat(byRows.outcomeValues()).containsExactly(9, 6, 7);
        assertThat(byRows.toString()).isEqualTo("DriverData[recommend ~ [wait, staff], rows=3]");
    }

    @Test
    void momentsFollowTheirDefinition() {
        // By hand: means 22/3, 2, 13/3; recommend's sum of squares (5/3)^2 + (4/3)^2 + (1/3)^2 = 42/9.
        DriverMoments moments = DriverData.byRows("recommend", "wait", "staff").add(9, 3, 5).add(6, 1, 4)
                .add(7, 2, 4).build().moments();
        assertThat(moments.count()).isEqualTo(3);
        assertThat(moments.means()[0]).isCloseTo(22 / 3.0, org.assertj.core.api.Assertions.within(1e-14));
        assertThat(moments.scatter()[0][0]).isCloseTo(42 / 9.0, org.assertj.core.api.Assertions.within(1e-14));
        // recommend-wait: (5/3)(1) + (-4/3)(-1) + (-1/3)(0) = 3.
        assertThat(moments.scatter()[0][1]).isCloseTo(3, org.assertj.core.api.Assertions.within(1e-14));
    }

    @Test
    void refusesAValueThatIsNotFiniteNamingColumnAndRow() {
        DriverData.RowBuilder rows = DriverData.byRows("recommend", "wait", "staff").add(9, 3, 5);
        assertThatThrownBy(() -> rows.add(6, Double.POSITIVE_INFINITY, 4)).hasMessage("driver wait: the value in row 2"
                + " is not a finite number; every value must be one");
        assertThatThrownBy(() -> rows.add(6, 1)).hasMessage("row 2: 1 ratings for 2 drivers [wait, staff]; a row has"
                + " one rating per driver");
        assertThat(rows.build().rows()).as("a refused row is not added").isEqualTo(1);
        DriverData.ColumnBuilder columns = DriverData.byColumns("recommend", new double[] {1, 2});
        assertThatThrownBy(() -> columns.driver("wait", new double[] {1, Double.NaN})).hasMessage("driver wait: the"
                + " value in row 2 is not a finite number; every value must be one");
        assertThatThrownBy(() -> columns.driver("wait", new double[] {1})).hasMessage("driver wait: 1 values, the"
                + " outcome has 2; every column has one value per row");
        assertThatThrownBy(columns::build).hasMessageStartingWith("drivers: none given");
        assertThatThrownBy(() -> DriverData.byColumns("recommend", new double[] {Double.NaN}))
                .hasMessage("outcome recommend: the value in row 1 is not a finite number; every value must be one");
    }
}
