package io.commentflow.posts.blog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AvatarsTests {

    @Test
    void showsTheInitialsOfTheGivenName() {
        assertThat(Avatars.initials("Ada Lovelace")).isEqualTo("AL");
        assertThat(Avatars.initials("ada")).isEqualTo("A");
        assertThat(Avatars.initials("  Jean  Paul   Sartre ")).isEqualTo("JS");
        assertThat(Avatars.initials("Łukasz Żak")).isEqualTo("ŁŻ");
        assertThat(Avatars.initials("***")).isEqualTo("?");
        assertThat(Avatars.initials(null)).isEqualTo("?");
    }

    @Test
    void givesEachNameAStableHue() {
        assertThat(Avatars.hue("Ada Lovelace")).isEqualTo(Avatars.hue("Ada Lovelace")).isBetween(0, 359);
        assertThat(Avatars.hue("")).isBetween(0, 359);
    }
}
