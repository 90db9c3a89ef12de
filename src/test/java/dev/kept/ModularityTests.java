package dev.kept;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** The module diagram in the docs, as Spring Modulith's Documenter writes it (PlantUML, C4 style). */
    static final Path DIAGRAM = Paths.get("docs", "modules", "components.puml");

    private final ApplicationModules modules = ApplicationModules.of(KeptApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        modules.verify();
    }

    /**
     * The diagram in {@code docs/modules} is the modules as they are. After a change to the modules,
     * write it again with {@code ./mvnw test -Dtest=ModularityTests -Dkept.write-module-diagram=true}.
     */
    @Test
    void theModuleDiagramInTheDocsIsCurrent(@TempDir Path written) throws IOException {
        boolean rewrite = Boolean.getBoolean("kept.write-module-diagram");
        Path folder = rewrite ? DIAGRAM.getParent() : written;
        new Documenter(
                        modules,
                        Documenter.Options.defaults()
                                .withOutputFolder(folder.toString())
                                .withoutClean())
                .writeModulesAsPlantUml();

        // the same lines, in any order: the Documenter lists relations in the order it finds the
        // types, which differs from one checkout to another
        assertThat(Files.readAllLines(DIAGRAM))
                .as("docs/modules/components.puml is out of date: write it again with"
                        + " ./mvnw test -Dtest=ModularityTests -Dkept.write-module-diagram=true")
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(folder.resolve("components.puml")));
    }
}
