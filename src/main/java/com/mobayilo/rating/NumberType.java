package com.mobayilo.rating;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

/** What kind of line a number reaches, as libphonenumber classifies it. */
public enum NumberType {
    MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, TOLL_FREE, PREMIUM_RATE, SHARED_COST, VOIP, PERSONAL_NUMBER, PAGER, UAN,
    VOICEMAIL, UNKNOWN;

    static NumberType of(PhoneNumberType type) {
        return switch (type) {
            case MOBILE -> MOBILE;
            case FIXED_LINE -> FIXED_LINE;
            case FIXED_LINE_OR_MOBILE -> FIXED_LINE_OR_MOBILE;
            case TOLL_FREE -> TOLL_FREE;
            case PREMIUM_RATE -> PREMIUM_RATE;
            case SHARED_COST -> SHARED_COST;
            case VOIP -> VOIP;
            case PERSONAL_NUMBER -> PERSONAL_NUMBER;
            case PAGER -> PAGER;
            case UAN -> UAN;
            case VOICEMAIL -> VOICEMAIL;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
