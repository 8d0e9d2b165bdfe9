package io.commentflow.posts.demo;

/** The demo post and its first comment, modelled on a small blog's post about Twitter. */
final class DemoText {

    static final String TITLE = "What the big accounts on Twitter can teach the rest of us";

    static final String BODY = """
            A prime minister's press office, a world-famous spiritual teacher and a freshly sworn-in state \
            governor walk into a micro-blogging service. It sounds like the opening of a joke, but it is just a \
            summary of the last few weeks: all three now post short updates on Twitter, alongside students, tech \
            reporters and the rest of us.

            When offices like these sign up, the conversation has clearly climbed from the early adopters to the \
            executive floor. One of them explained the move as a way of staying within reach of a younger, more \
            connected audience, which is a reason almost any organisation could borrow.

            The same thing is happening closer to home. On our own campus, colleagues I never expected to see \
            online now post between meetings, and each of them has found a different use for the tool. My \
            favourite this week came from a start-up founder who said that when he wants to float a story, he \
            simply asks his followers what they think of it; if it is interesting, a handful of blogs will have \
            picked it up by the next day.

            Not everyone wants to run a publicity machine of their own, but there is something to learn from each \
            of these accounts: how they keep a human voice, how often they post, what they share and what they \
            keep back.

            So here is an invitation. Tell me in the comments what you have learned from watching organisations \
            use Twitter, or from using it yourself. I will gather the best ideas into a follow-up post on lessons \
            learned, and credit everyone who contributed.""";

    static final String COMMENT = """
            I've been on Twitter for a few months now and it has earned a place in my working week, for companies \
            and public offices alike. What I get out of it:

            1. Networking: it makes the first contact with people in my field far less awkward.
            2. Sharing: a steady stream of useful links and stories, and a place to pass on my own.
            3. Feedback: ask a question and you have ideas and honest reactions within the hour.

            There are surely more benefits, but those three alone make it worth the time.""";

    private DemoText() {
    }
}
