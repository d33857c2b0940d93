/*
 * Camunda Forms (form-js) shows and reads date fields in the browser's default Intl locale
 * (`new Intl.DateTimeFormat('default')`): an English-language browser would show 12/01/2019 for 12 January.
 * Civil servants read dates day first, so the default locale for date formatting becomes vi-VN (05/01/2019);
 * an explicitly requested locale is left alone. Only the format changes: the stored value stays ISO (2018-12-26)
 * and the time zone stays the browser's.
 */
const NativeDateTimeFormat = Intl.DateTimeFormat;
const DEFAULT_LOCALE = 'vi-VN';

function usesDefaultLocale(locales) {
  return locales === undefined || locales === null || locales === 'default'
    || (Array.isArray(locales) && locales.length === 0);
}

// administrative style: two-digit day and month (05/06/2020), as form-js derives its input pattern from it
const DEFAULT_OPTIONS = { day: '2-digit', month: '2-digit', year: 'numeric' };

function VietnameseDateTimeFormat(locales, options) {
  if (!usesDefaultLocale(locales)) {
    return new NativeDateTimeFormat(locales, options);
  }
  return new NativeDateTimeFormat(DEFAULT_LOCALE, options === undefined ? DEFAULT_OPTIONS : options);
}

VietnameseDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
VietnameseDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);

if (!NativeDateTimeFormat.vietnameseDefault) {
  VietnameseDateTimeFormat.vietnameseDefault = true;
  Intl.DateTimeFormat = VietnameseDateTimeFormat;
}

export default [];
