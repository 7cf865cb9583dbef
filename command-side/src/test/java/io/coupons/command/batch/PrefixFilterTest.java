package io.coupons.command.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.code.CodeAlphabet;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefixFilterTest {

    @Test
    void neverForgetsACodeAndRarelyImaginesOne() {
        List<String> known = new ArrayList<>();
        CodeAlphabet.fill(new SecureRandom(), "FILTER", 8, 100_000, known);
        PrefixFilter filter = new PrefixFilter(100_000);
        known.forEach(filter::add);

        assertThat(known).allMatch(filter::mightContain);
        Set<String> knownSet = new HashSet<>(known);
        List<String> others = new ArrayList<>();
        CodeAlphabet.fill(new SecureRandom(), "FILTER", 8, 100_000, others);
        long imagined = others.stream().filter(code -> !knownSet.contains(code)).filter(filter::mightContain).count();
        assertThat(imagined).as("false positives at capacity, about 1 %").isLessThan(2_000);
    }

    @Test
    void staysSmall() {
        assertThat(PrefixFilter.bytesFor(10_000_000)).isLessThan(13_000_000);
    }
}
