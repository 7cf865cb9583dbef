package io.coupons.command.batch;

import io.coupons.api.batch.BatchAccepted;
import io.coupons.api.batch.GenerateBatchCommand;
import io.coupons.api.common.AuditMetadata;
import io.coupons.command.campaign.Campaign;
import io.coupons.command.code.KeySpacePolicy;
import io.coupons.command.common.Violations;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Accepts a generation run: the campaign numbers it, the run's working row is written in the same
 * transaction, and the worker is woken once that commits. The codes themselves come later, in chunks.
 */
@Component
public class BatchCommandHandler {

    private final Repository<Campaign> campaigns;
    private final GenerationBatches batches;
    private final BatchGenerationWorker worker;
    private final GenerationProperties properties;

    public BatchCommandHandler(Repository<Campaign> campaigns, GenerationBatches batches, BatchGenerationWorker worker,
                               GenerationProperties properties) {
        this.campaigns = campaigns;
        this.batches = batches;
        this.worker = worker;
        this.properties = properties;
    }

    @CommandHandler
    public BatchAccepted handle(GenerateBatchCommand command, @MetaDataValue(AuditMetadata.USER) String user) {
        int length = command.randomLength() == null ? properties.defaultRandomLength() : command.randomLength();
        Violations violations = new Violations();
        violations.addIf(command.batchId() == null, "batchId", "is required");
        violations.addIf(command.quantity() == null || command.quantity() < 1
                        || command.quantity() > KeySpacePolicy.MAX_QUANTITY, "quantity",
                "must be between 1 and " + KeySpacePolicy.MAX_QUANTITY);
        violations.addIf(length < KeySpacePolicy.MIN_LENGTH || length > KeySpacePolicy.MAX_LENGTH, "randomLength",
                "must be between " + KeySpacePolicy.MIN_LENGTH + " and " + KeySpacePolicy.MAX_LENGTH);
        violations.throwIfAny();
        Aggregate<Campaign> campaign = campaigns.load(command.campaignId().toString());
        BatchAccepted accepted = campaign.invoke(c -> c.requestBatch(command.batchId(), command.quantity(), length,
                properties.maxFill()));
        batches.register(accepted, campaign.invoke(Campaign::code), user);
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> worker.wake());
        return accepted;
    }
}
