package com.assistantgateway.admin.registry;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.routes.message.ChannelId;
import com.assistantgateway.routes.port.ChannelType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The channels the gateway runs, as each channel's own package describes it; nothing here names one. */
@Component
public class ChannelTypes {

    private final Map<ChannelId, ChannelType> types;

    public ChannelTypes(List<ChannelType> types) {
        this.types = types.stream()
                .collect(Collectors.toMap(
                        ChannelType::id,
                        Function.identity(),
                        (a, b) -> a,
                        () -> new TreeMap<>(Comparator.comparing(ChannelId::value))));
    }

    public List<String> names() {
        return types.keySet().stream().map(ChannelId::value).toList();
    }

    /** Channels a web page embeds by a script (web chat): their bindings have a preview in the console. */
    public List<String> embeddable() {
        return types.values().stream()
                .filter(type -> type.embedScript().isPresent())
                .map(type -> type.id().value())
                .toList();
    }

    public Optional<ChannelType> find(ChannelId id) {
        return Optional.ofNullable(types.get(id));
    }

    /** The channel a tenant admin typed, if there is one by that name. */
    public Optional<ChannelType> find(String name) {
        return ChannelId.isValid(name) ? find(new ChannelId(name)) : Optional.empty();
    }

    /** The channel by name, or a 400 that lists the ones there are. */
    public ChannelType require(String name) {
        return find(name)
                .orElseThrow(() -> AdminProblem.invalid(
                        "there is no channel '" + name + "' (there are: " + String.join(", ", names()) + ")"));
    }

    /** A channel a stored binding names; one no longer running is a 400, as for a new binding. */
    public ChannelType require(ChannelId id) {
        return require(id.value());
    }
}
