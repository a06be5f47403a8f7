package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/** Upload fields that speak the user's language ("Kéo tệp vào đây", not "Drop file here"). */
public final class Uploads {

    private Uploads() {
    }

    public static Upload translated(Upload upload) {
        var i18n = new UploadI18N();
        i18n.setDropFiles((UploadI18N.DropFiles) new UploadI18N.DropFiles()
                .setOne(upload.getTranslation("upload.dropOne")).setMany(upload.getTranslation("upload.dropMany")));
        i18n.setAddFiles((UploadI18N.AddFiles) new UploadI18N.AddFiles()
                .setOne(upload.getTranslation("upload.addOne")).setMany(upload.getTranslation("upload.addMany")));
        i18n.setFile(new UploadI18N.File().setRetry(upload.getTranslation("upload.retry"))
                .setStart(upload.getTranslation("upload.start")).setRemove(upload.getTranslation("upload.remove")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(upload.getTranslation("upload.tooManyFiles"))
                .setFileIsTooBig(upload.getTranslation("upload.tooBig"))
                .setIncorrectFileType(upload.getTranslation("upload.wrongType")));
        upload.setI18n(i18n);
        return upload;
    }
}
