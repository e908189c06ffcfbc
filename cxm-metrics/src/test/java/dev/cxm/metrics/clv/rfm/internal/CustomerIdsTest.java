package dev.cxm.metrics.clv.rfm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cxm.core.model.CustomerId;

/**
 * The id column of RFM cells, packed or shared. Oracle: the list of id texts the test packs itself (UTF-8 bytes
 * one after another, offsets counted by the test), selected by plain list indexing.
 */
class CustomerIdsTest {

    private static final List<String> IDS = List.of("a", "c-2", "é日", "last one");

    @Test
    void packedIdsSelectTheirRowsInTheGivenOrderAsAListWould() {
        List<String> present = IDS;
        CustomerIds packed = pack(present);
        int[][] selections = {{}, {0}, {3, 0, 2}, {1, 1, 1}, {0, 1, 2, 3}};
        for (int[] rows : selections) {
            CustomerIds kept = packed.select(rows);
            List<CustomerId> expected = new ArrayList<>();
            List<CustomerId> actual = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                expected.add(CustomerId.of(present.get(rows[i])));
                actual.add(kept.get(i));
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(kept).isEqualTo(pack(expected.stream().map(CustomerId::value).toList()));
        }
    }

    @Test
    void sharedIdsKeepTheRowsWithoutAnId() {
        CustomerId[] ids = {CustomerId.of("x"), null, CustomerId.of("z")};
        CustomerIds kept = CustomerIds.of(ids).select(new int[] {2, 1, 0});
        assertThat(kept.get(0)).isEqualTo(CustomerId.of("z"));
        assertThat(kept.get(1)).isNull();
        assertThat(kept.get(2)).isEqualTo(CustomerId.of("x"));
    }

    @Test
    void packedColumnsAreEqualByTheirBytesAndOffsets() {
        List<String> ids = List.of("a", "bc", "d");
        CustomerIds first = pack(ids);
        CustomerIds same = pack(ids);
        assertThat(first).isEqualTo(same).hasSameHashCodeAs(same).hasToString("Packed[3 ids]");
        assertThat(first).isNotEqualTo(pack(List.of("a", "bc", "e")));
        // The same bytes cut in other places are other ids.
        assertThat(first).isNotEqualTo(pack(List.of("ab", "c", "d")));
        assertThat(first.hashCode()).isNotEqualTo(pack(List.of("ab", "c", "d")).hashCode());
        assertThat(first).isNotEqualTo(CustomerIds.of(new CustomerId[] {CustomerId.of("a")}));
    }

    private static CustomerIds pack(List<String> ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int[] offsets = new int[ids.size() + 1];
        for (int i = 0; i < ids.size(); i++) {
            bytes.writeBytes(ids.get(i).getBytes(StandardCharsets.UTF_8));
            offsets[i + 1] = bytes.size();
        }
        return CustomerIds.packed(bytes.toByteArray(), offsets);
    }
}
