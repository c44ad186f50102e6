package dev.racer.reward.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RewardSourceTest {
    static RewardSource of(String text) {
        return RewardSource.of(Path.of("r.py"), text);
    }

    @Test
    void findsNativeImports() {
        assertEquals(Set.of("numpy"), of("import numpy as np\n").nativeLibs());
        assertEquals(Set.of("numpy", "scipy"), of("import math, numpy\ndef f():\n    from scipy.spatial import KDTree\n").nativeLibs());
        assertEquals(Set.of("shapely"), of("from shapely.geometry import Point  # geometry\n").nativeLibs());
        assertEquals(Set.of(), of("import math\nimport numpyish\n# import numpy\n").nativeLibs());
    }

    @Test
    void tellsCodeFromStringsAndComments() {
        RewardSource s = of("a = 1\u200B\nb = '\u200B' # \u00A0\nc = \"\"\"\n\u2019\n\"\"\"\nd = 2\u00A0\n");
        assertEquals(5, s.oddChars().size(), s.oddChars().toString());
        assertEquals(2, s.oddCharsInCode().size(), s.oddChars().toString());
        assertEquals(1, s.oddCharsInCode().get(0).line());
        assertEquals(6, s.oddCharsInCode().get(0).column());
        assertEquals(6, s.oddCharsInCode().get(1).line());
        assertTrue(s.oddCharError().getMessage().contains("U+00A0 NO-BREAK SPACE"));
    }

    @Test
    void leadingBomIsDroppedAndEscapedQuotesDoNotEndStrings() {
        RewardSource s = of("\uFEFFx = 'it\\'s \u200B'\n");
        assertFalse(s.text().startsWith("\uFEFF"));
        assertTrue(s.oddCharsInCode().isEmpty());
        assertNull(s.oddCharError());
    }
}
