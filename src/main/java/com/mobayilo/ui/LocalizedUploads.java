package com.mobayilo.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/**
 * An upload whose built-in button, drop hint, progress and errors come from the translations, since Vaadin's
 * own are English whatever the page's language (docs/decisions/0028-checking-accessibility-and-french.md).
 */
public final class LocalizedUploads {

    private LocalizedUploads() {
    }

    public static Upload localize(Upload upload) {
        var i18n = new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(t(upload, "upload.add.one")).setMany(t(upload, "upload.add.many")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(t(upload, "upload.drop.one")).setMany(t(upload, "upload.drop.many")))
                .setError(new UploadI18N.Error().setTooManyFiles(t(upload, "upload.error.toomany"))
                        .setFileIsTooBig(t(upload, "upload.error.toobig")).setIncorrectFileType(t(upload, "upload.error.type")))
                .setFile(new UploadI18N.File().setRetry(t(upload, "upload.file.retry")).setStart(t(upload, "upload.file.start"))
                        .setRemove(t(upload, "upload.file.remove")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(t(upload, "upload.status.connecting"))
                                .setStalled(t(upload, "upload.status.stalled")).setProcessing(t(upload, "upload.status.processing"))
                                .setHeld(t(upload, "upload.status.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t(upload, "upload.remaining.prefix"))
                                .setUnknown(t(upload, "upload.remaining.unknown")))
                        .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t(upload, "upload.error.server"))
                                .setUnexpectedServerError(t(upload, "upload.error.unexpected")).setForbidden(t(upload, "upload.error.forbidden"))
                                .setFileTooLarge(t(upload, "upload.error.toobig"))));
        upload.setI18n(i18n);
        return upload;
    }

    private static String t(Upload upload, String key) {
        return upload.getTranslation(key);
    }
}
