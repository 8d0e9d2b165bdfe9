package io.commentflow.notification.delivery;

import jakarta.activation.CommandInfo;
import jakarta.activation.CommandMap;
import jakarta.activation.DataContentHandler;
import jakarta.activation.DataHandler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Jakarta Activation command map of the emails we write: the default one, except that the content handler of a
 * MIME type (text/plain, text/html, multipart/alternative) is looked up once and then shared. The default map looks it
 * up for every part of every email, under a lock, and creates it by reflection from its class name; the handlers keep
 * no state, so one of each serves every email and thread.
 */
final class ContentHandlers extends CommandMap {

    private final CommandMap defaults;
    private final Map<String, DataContentHandler> handlers = new ConcurrentHashMap<>();

    ContentHandlers(CommandMap defaults) {
        this.defaults = defaults;
    }

    /** A data handler for this content that finds its content handler here. */
    DataHandler dataHandler(Object content, String mimeType) {
        DataHandler handler = new DataHandler(content, mimeType);
        handler.setCommandMap(this);
        return handler;
    }

    @Override
    public DataContentHandler createDataContentHandler(String mimeType) {
        DataContentHandler handler = handlers.get(mimeType);
        if (handler == null) {
            handler = defaults.createDataContentHandler(mimeType);
            if (handler != null) {
                handlers.putIfAbsent(mimeType, handler);
            }
        }
        return handler;
    }

    @Override
    public CommandInfo[] getPreferredCommands(String mimeType) {
        return defaults.getPreferredCommands(mimeType);
    }

    @Override
    public CommandInfo[] getAllCommands(String mimeType) {
        return defaults.getAllCommands(mimeType);
    }

    @Override
    public CommandInfo getCommand(String mimeType, String cmdName) {
        return defaults.getCommand(mimeType, cmdName);
    }

    @Override
    public String[] getMimeTypes() {
        return defaults.getMimeTypes();
    }
}
