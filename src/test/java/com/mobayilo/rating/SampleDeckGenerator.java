package com.mobayilo.rating;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;

/**
 * Builds the sandbox sample deck from libphonenumber's metadata: for every country calling code a landline row,
 * and for every country the prefixes of its mobile numbers, found by classifying numbers with each leading
 * one or two digits. Prices are sample prices: a regional base with a few well-known destinations set by hand.
 */
final class SampleDeckGenerator {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("CD", "Congo DR"), Map.entry("CG", "Congo"), Map.entry("US", "United States"), Map.entry("GB", "United Kingdom"), Map.entry("KR", "South Korea"), Map.entry("KP", "North Korea"), Map.entry("CI", "Côte d’Ivoire"), Map.entry("HK", "Hong Kong"), Map.entry("MO", "Macao"), Map.entry("PS", "Palestine"), Map.entry("AC", "Ascension Island"), Map.entry("XK", "Kosovo"), Map.entry("TA", "Tristan da Cunha"));

    /** Sample prices (landline, mobile) in credits per minute for destinations people often ask about. */
    private static final Map<String, int[]> KNOWN = Map.ofEntries(
            Map.entry("US", new int[] { 1, 1 }), Map.entry("CA", new int[] { 1, 1 }), Map.entry("GB", new int[] { 2, 5 }),
            Map.entry("FR", new int[] { 2, 8 }), Map.entry("BE", new int[] { 3, 10 }), Map.entry("DE", new int[] { 2, 7 }),
            Map.entry("NL", new int[] { 3, 9 }), Map.entry("ES", new int[] { 2, 6 }), Map.entry("IT", new int[] { 2, 7 }),
            Map.entry("CD", new int[] { 25, 22 }), Map.entry("CG", new int[] { 24, 26 }), Map.entry("NG", new int[] { 9, 10 }),
            Map.entry("GH", new int[] { 10, 14 }), Map.entry("KE", new int[] { 9, 10 }), Map.entry("SN", new int[] { 14, 19 }),
            Map.entry("CM", new int[] { 12, 16 }), Map.entry("CI", new int[] { 16, 19 }), Map.entry("MA", new int[] { 6, 19 }),
            Map.entry("ZA", new int[] { 4, 9 }), Map.entry("IN", new int[] { 2, 3 }), Map.entry("PK", new int[] { 6, 7 }),
            Map.entry("BR", new int[] { 4, 9 }), Map.entry("MX", new int[] { 3, 4 }), Map.entry("PH", new int[] { 12, 15 }),
            Map.entry("CN", new int[] { 2, 2 }), Map.entry("JP", new int[] { 4, 10 }), Map.entry("AU", new int[] { 3, 8 }),
            Map.entry("RU", new int[] { 6, 12 }), Map.entry("TR", new int[] { 5, 12 }), Map.entry("HT", new int[] { 20, 28 }));

    private SampleDeckGenerator() {
    }

    static String csv() {
        var rows = new ArrayList<Rate>();
        for (var region : new TreeSet<>(NUMBERS.getSupportedRegions())) {
            // Ascension (AC), Kosovo (XK) and Tristan da Cunha (TA) have calling codes but no ISO 3166 country code.
            var country = CountryCode.isKnown(region) ? CountryCode.of(region) : null;
            var code = NUMBERS.getCountryCodeForRegion(region);
            var prices = prices(region, code);
            var name = NAMES.getOrDefault(region, country == null ? region : country.displayName(Locale.ENGLISH));
            for (var prefix : landlinePrefixes(region, code)) {
                rows.add(new Rate(prefix, country, name + " — Landline", Money.cents(prices[0]), Rate.ALWAYS));
            }
            for (var prefix : mobilePrefixes(region, code)) {
                rows.add(new Rate(prefix, country, name + " — Mobile", Money.cents(prices[1]), Rate.ALWAYS));
            }
        }
        for (var code : new TreeSet<>(NUMBERS.getSupportedGlobalNetworkCallingCodes())) {
            var satellite = DestinationGuard.INTERNATIONAL_NETWORKS.contains(code);
            rows.add(new Rate(Integer.toString(code), null, "International network +" + code + (satellite ? " (satellite)" : ""),
                    Money.cents(satellite ? 400 : 60), Rate.ALWAYS));
        }
        var unique = new ArrayList<Rate>();
        var seen = new LinkedHashSet<String>();
        rows.stream().filter(rate -> seen.add(rate.prefix())).forEach(unique::add);
        var out = new StringWriter();
        try {
            DeckCsv.write(unique, out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    /**
     * The calling code itself for the country that owns it. A country that shares its code (the Caribbean on +1,
     * Kazakhstan on +7, Jersey on +44 …) gets the national prefixes whose numbers libphonenumber places in it.
     */
    private static Set<String> landlinePrefixes(String region, int code) {
        if (region.equals(NUMBERS.getRegionCodeForCountryCode(code))) {
            return Set.of(Integer.toString(code));
        }
        var examples = java.util.stream.Stream.of(PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE)
                .map(type -> NUMBERS.getExampleNumberForType(region, type)).filter(java.util.Objects::nonNull)
                .map(NUMBERS::getNationalSignificantNumber).filter(national -> national.length() > 3).toList();
        var found = new TreeSet<String>();
        for (int lead = 0; lead < 1000; lead++) {
            var digits = "%03d".formatted(lead);
            if (examples.stream().anyMatch(national -> belongsTo("+" + code + digits + national.substring(3), region))) {
                found.add(digits);
            }
        }
        return compress(compress(found)).stream().map(prefix -> code + prefix).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Replaces every complete set of ten sibling prefixes by their parent. */
    private static Set<String> compress(Set<String> prefixes) {
        var result = new TreeSet<String>();
        var byParent = prefixes.stream().filter(prefix -> prefix.length() > 1)
                .collect(Collectors.groupingBy(prefix -> prefix.substring(0, prefix.length() - 1)));
        prefixes.stream().filter(prefix -> prefix.length() <= 1).forEach(result::add);
        byParent.forEach((parent, children) -> {
            if (children.size() == 10) {
                result.add(parent);
            }
            else {
                result.addAll(children);
            }
        });
        return result;
    }

    private static boolean belongsTo(String e164, String region) {
        try {
            var number = NUMBERS.parse(e164, "ZZ");
            return NUMBERS.isValidNumber(number) && region.equals(NUMBERS.getRegionCodeForNumber(number));
        }
        catch (NumberParseException ex) {
            return false;
        }
    }

    private static Set<String> mobilePrefixes(String region, int code) {
        var example = NUMBERS.getExampleNumberForType(region, PhoneNumberType.MOBILE);
        var prefixes = new TreeSet<String>();
        if (example == null) {
            return prefixes;
        }
        var national = NUMBERS.getNationalSignificantNumber(example);
        for (int first = 0; first <= 9; first++) {
            var children = new ArrayList<String>();
            for (int second = 0; second <= 9; second++) {
                var lead = "" + first + second;
                if (national.length() > 2 && isMobile("+" + code + lead + national.substring(2), region)) {
                    children.add(lead);
                }
            }
            if (children.size() == 10) {
                prefixes.add(code + "" + first);
            }
            else {
                children.forEach(lead -> prefixes.add(code + lead));
            }
        }
        return prefixes;
    }

    private static boolean isMobile(String e164, String region) {
        try {
            var number = NUMBERS.parse(e164, "ZZ");
            return region.equals(NUMBERS.getRegionCodeForNumber(number)) && NUMBERS.getNumberType(number) == PhoneNumberType.MOBILE;
        }
        catch (NumberParseException ex) {
            return false;
        }
    }

    /** Sample prices: known destinations, else a base by the region of the world the calling code belongs to. */
    private static int[] prices(String region, int code) {
        var known = KNOWN.get(region);
        if (known != null) {
            return known;
        }
        return switch (Integer.toString(code).charAt(0)) {
            case '1' -> new int[] { 15, 25 };
            case '2' -> new int[] { 14, 20 };
            case '3', '4' -> new int[] { 4, 11 };
            case '5' -> new int[] { 7, 13 };
            case '6' -> new int[] { 6, 11 };
            case '7' -> new int[] { 7, 12 };
            case '8' -> new int[] { 4, 7 };
            default -> new int[] { 8, 11 };
        };
    }
}
