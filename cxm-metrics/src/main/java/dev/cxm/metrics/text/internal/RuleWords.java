package dev.cxm.metrics.text.internal;

import java.util.List;
import java.util.Map;

/**
 * The function words of the sentiment rules (Hutto &amp; Gilbert 2014): the negations, the degree modifiers
 * with their scalar, and the words a rule names. The lists are English grammar, not data: every word that
 * ends in {@code n't} negates as well, whether or not it is listed.
 */
final class RuleWords {

    /** Rule codes of {@link Vocabulary#code}. */
    static final int BUT = 1;
    static final int NO = 2;
    static final int LEAST = 3;
    static final int AT_OR_VERY = 4;
    static final int KIND_OR_SORT = 5;
    static final int OF = 6;
    static final int OR_NOR = 7;
    static final int NEVER = 8;
    static final int SO_OR_THIS = 9;
    static final int WITHOUT = 10;
    static final int DOUBT = 11;

    /** Words that flip (and damp) the sentiment of a word up to three places after them. */
    static final List<String> NEGATIONS = List.of("not", "never", "none", "nothing", "nowhere", "neither", "nor",
            "nope", "cannot", "without", "rarely", "seldom", "despite", "uhuh", "uh-uh",
            // contractions written without their apostrophe, as people type them
            "aint", "arent", "cant", "couldnt", "darent", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent",
            "isnt", "mightnt", "mustnt", "neednt", "oughtnt", "shant", "shouldnt", "wasnt", "werent", "wont",
            "wouldnt");

    /** The scalar a booster adds to (and a dampener takes from) the size of a sentiment word's valence. */
    static final double MODIFIER_SCALAR = 0.293;

    /** Degree adverbs and adjectives that raise the intensity of the sentiment word they precede. */
    static final List<String> BOOSTERS = List.of("absolutely", "amazingly", "awfully", "completely", "considerable",
            "considerably", "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
            "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin",
            "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin",
            "fugging", "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major",
            "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so",
            "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously", "uber",
            "unbelievably", "unusually", "utter", "utterly", "very");

    /** Degree words that lower the intensity of the sentiment word they precede. */
    static final List<String> DAMPENERS = List.of("almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less",
            "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely",
            "slight", "slightly", "somewhat", "sorta", "sortof", "sort-of");

    /** The words the rules name, with their code. */
    static final Map<String, Integer> CODES = Map.ofEntries(Map.entry("but", BUT), Map.entry("no", NO),
            Map.entry("least", LEAST), Map.entry("at", AT_OR_VERY), Map.entry("very", AT_OR_VERY),
            Map.entry("kind", KIND_OR_SORT), Map.entry("sort", KIND_OR_SORT), Map.entry("of", OF),
            Map.entry("or", OR_NOR), Map.entry("nor", OR_NOR), Map.entry("never", NEVER), Map.entry("so", SO_OR_THIS),
            Map.entry("this", SO_OR_THIS), Map.entry("without", WITHOUT), Map.entry("doubt", DOUBT));

    private RuleWords() {}
}
