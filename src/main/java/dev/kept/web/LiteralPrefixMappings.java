package dev.kept.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The controllers' mappings, tested cheaply first. An address with a variable in it ({@code
 * /goals/{id}/map}) has no direct match, so Spring MVC tests every one of the application's
 * mappings against it (about 300: methods, then path patterns), which took a tenth of the CPU of
 * a goal's map. Here a mapping whose patterns all begin with literal text ({@code /goals/}) that
 * the address does not begin with is passed over without that test; every other mapping is
 * tested exactly as Spring MVC does, so which handler answers never changes. An address with an
 * escape ({@code %}) or a matrix variable ({@code ;}) in it, which patterns match only once
 * decoded, is tested against every mapping as before.
 */
class LiteralPrefixMappings extends RequestMappingHandlerMapping {

    /**
     * For each mapping, the literal beginnings of its patterns; none: it may match any address. Found
     * by the mapping's identity, since every lookup asks it of all the mappings and a mapping's own
     * hash code is worked out from all its conditions each time; copied when a mapping is added.
     */
    private volatile Map<RequestMappingInfo, String[]> prefixes = new IdentityHashMap<>();

    private static final String[] ANY = new String[0];

    /** The address being looked up on this thread, as patterns see it; null: test every mapping. */
    private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        ADDRESS.set(lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 ? null : lookupPath);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            ADDRESS.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String address = ADDRESS.get();
        if (address != null) {
            String[] beginnings = prefixes.get(info);
            if (beginnings == null) {
                beginnings = remember(info);
            }
            if (beginnings != ANY && !beginsWithAny(address, beginnings)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    private synchronized String[] remember(RequestMappingInfo info) {
        String[] beginnings = prefixes.get(info);
        if (beginnings == null) {
            Map<RequestMappingInfo, String[]> more = new IdentityHashMap<>(prefixes);
            beginnings = beginnings(info);
            more.put(info, beginnings);
            prefixes = more;
        }
        return beginnings;
    }

    private static boolean beginsWithAny(String address, String[] beginnings) {
        for (String beginning : beginnings) {
            if (address.startsWith(beginning)) {
                return true;
            }
        }
        return false;
    }

    /** The text each of the mapping's patterns begins with before its first variable or wildcard. */
    static String[] beginnings(RequestMappingInfo info) {
        Set<String> patterns = info.getPatternValues();
        if (patterns.isEmpty()) {
            return ANY;
        }
        String[] beginnings = new String[patterns.size()];
        int i = 0;
        for (String pattern : patterns) {
            String literal = literalBeginning(pattern);
            if (literal.isEmpty()) {
                return ANY;
            }
            beginnings[i++] = literal;
        }
        return beginnings;
    }

    static String literalBeginning(String pattern) {
        int end = pattern.length();
        for (char wildcard : new char[] {'{', '*', '?'}) {
            int at = pattern.indexOf(wildcard);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return pattern.substring(0, end);
    }
}
