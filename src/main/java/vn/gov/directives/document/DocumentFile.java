package vn.gov.directives.document;

/**
 * One stored file of a document.
 *
 * @param fileName Vietnamese file name with diacritics, e.g. "Tờ trình 01-TTr-STTTT.pdf"
 */
public record DocumentFile(String documentId, DocumentFormat format, String fileName, byte[] content) {}
