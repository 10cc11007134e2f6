/**
 * Uploaded files (CONTRIBUTING, "Files and images"): `prepareImage` checks an upload and makes
 * the image to keep, `fileStore()` keeps it under a key from `newImageKey()`, and the web app
 * serves it at `/files/<key>`.
 */
export { prepareImage, type PreparedImage, type PreparedImageResult } from "./image";
export { fileTooLarge, formatBytes, IMAGE_PURPOSES, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, type ImagePurpose } from "./limits";
export { describeOtherFile, sniffAttachmentType, sniffImageType, type ImageType } from "./sniff";
export { checkContentType, checkFileKey, FileStoreError, InvalidFileKey, isFileKey, isPrivateFileKey, MAX_FILE_KEY_LENGTH, newAttachmentKey, newImageKey, type FileStore, type StoredFile } from "./storage";
export { LocalFileStore, localFilesRoot } from "./local-store";
export { S3FileStore, type S3StoreOptions } from "./s3-store";
export { fileStore, fileStoreConfig, fileStoreProblems, setFileStoreForTests, type FileStoreConfig } from "./config";
export { attachmentLinker, checkAttachmentLink, type AttachmentLinker, type AttachmentLinkCheck } from "./attachment-links";
export { purposeKey } from "../signing";
