package com.shopcare.complaints.check;

import com.shopcare.complaints.decision.Complaint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PastComplaintsTest {

    private static final String HEADER = "issue type,responsibility,channel,emotion,contact count,order value,currency,"
            + "tier,incident,incident level\r\n";

    @Test
    void quotedCellsMayHoldCommasDoubledQuotesAndLineBreaks() {
        List<Complaint> past = parse(HEADER
                + "LATE_DELIVERY,SHOP,EMAIL,ANGRY,1,\"1,000.00\",EUR,REGULAR,\"INC-7, the \"\"big\"\" outage\r\nday two\",HIGH\r\n"
                + "WRONG_ITEM,SHOP,EMAIL,CALM,1,20.00,EUR,NEW,,\r\n");

        assertThat(past).hasSize(2);
        assertThat(past.get(0).orderValue()).isEqualByComparingTo("1000.00");
        assertThat(past.get(0).incident().id()).isEqualTo("INC-7, the \"big\" outage\r\nday two");
        assertThat(past.get(0).incident().goodwillLevel()).isEqualTo("HIGH");
        assertThat(past.get(1).issueType()).isEqualTo("WRONG_ITEM");
        assertThat(past.get(1).incident()).isNull();
    }

    @Test
    void aBadCellNamesTheLineItsRowStartsOnCountingLineBreaksInQuotedCells() {
        String csv = HEADER
                + "LATE_DELIVERY,SHOP,EMAIL,ANGRY,1,10.00,EUR,REGULAR,\"INC-7\nday two\",HIGH\n"
                + "WRONG_ITEM,SHOP,EMAIL,CALM,many,20.00,EUR,NEW,,\n";

        assertThatThrownBy(() -> parse(csv)).isInstanceOf(PastComplaints.InvalidCsvException.class)
                .hasMessageStartingWith("line 4: ").hasMessageContaining("contact count");
    }

    @Test
    void aRowWithTooFewCellsIsRefusedWithItsLine() {
        assertThatThrownBy(() -> parse(HEADER + "LATE_DELIVERY,SHOP,EMAIL\n"))
                .isInstanceOf(PastComplaints.InvalidCsvException.class)
                .hasMessage("line 2: 3 cells, the header has 10");
    }

    @Test
    void anUnknownColumnIsRefusedWithTheKnownTerms() {
        assertThatThrownBy(() -> parse("issue type,mood\nLATE_DELIVERY,ANGRY\n"))
                .isInstanceOf(PastComplaints.InvalidCsvException.class)
                .hasMessageStartingWith("line 1, column 2: 'mood' is not a complaint term; known terms: ");
    }

    @Test
    void aQuotedCellThatIsNeverClosedIsRefused() {
        assertThatThrownBy(() -> parse(HEADER + "LATE_DELIVERY,SHOP,EMAIL,ANGRY,1,\"10.00,EUR,REGULAR,,\n"))
                .isInstanceOf(PastComplaints.InvalidCsvException.class)
                .hasMessageContaining("not valid CSV");
    }

    @Test
    void anEmptyFileIsRefusedNamingTheHeaderItNeeds() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(PastComplaints.InvalidCsvException.class)
                .hasMessageStartingWith("line 1: the header row is missing");
    }

    private static List<Complaint> parse(String csv) {
        return PastComplaints.parse(csv.getBytes(StandardCharsets.UTF_8));
    }
}
