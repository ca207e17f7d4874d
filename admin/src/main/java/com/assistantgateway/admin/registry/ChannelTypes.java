package com.assistantgateway.admin.registry;

import com.assistantgateway.admin.AdminProblem;
import com.assistantgateway.routes.port.ChannelType;
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

    private final Map<String, ChannelType> types;

    public ChannelTypes(List<ChannelType> types) {
        this.types = types.stream()
                .collect(Collectors.toMap(ChannelType::name, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    public List<String> names() {
        return List.copyOf(types.keySet());
    }

    public Optional<ChannelType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** The channel by name, or a 400 that lists the ones there are. */
    public ChannelType require(String name) {
        return find(name)
                .orElseThrow(() -> AdminProblem.invalid(
                        "there is no channel '" + name + "' (there are: " + String.join(", ", types.keySet()) + ")"));
    }
}
