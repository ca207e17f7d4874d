package com.assistantgateway.admin.privacy;

import com.assistantgateway.admin.storage.FileKind;
import com.assistantgateway.admin.storage.SharedFiles;
import com.assistantgateway.routes.message.ConversationId;
import com.assistantgateway.routes.message.MessageId;
import com.assistantgateway.routes.message.TenantId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The files stored with a tenant's messages (mail attachments, web chat files), stored under {@code <message>/}: they
 * go with the messages, in the same transaction, when a participant is erased or a conversation outlives retention.
 */
@Component
class MessageFiles {

    private final PrivacyMapper mapper;
    private final SharedFiles files;

    MessageFiles(PrivacyMapper mapper, SharedFiles files) {
        this.mapper = mapper;
        this.files = files;
    }

    void delete(TenantId tenantId, List<ConversationId> conversations) {
        for (MessageId message : mapper.messageIds(tenantId, conversations)) {
            files.deleteWithPrefix(tenantId, FileKind.ATTACHMENT, message.value() + "/");
        }
    }
}
