package com.assistantgateway.routes.port;

import com.assistantgateway.routes.message.AttachmentRef;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import java.util.Optional;

/** Keeps attachments that arrive inline (mail parts) so messages carry a reference, never the bytes. */
public interface AttachmentStore {

    AttachmentRef store(TenantId tenantId, MessageId messageId, String fileName, String contentType, byte[] content);

    Optional<byte[]> read(TenantId tenantId, AttachmentRef attachment);
}
